import { chmodSync, readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { EmbeddedRuntime } from '@debug-drills/grader'
import { freePort } from '@debug-drills/local-postgres'
import { startWorkerProcess } from '../src/workshop-server.js'
import { dockerAvailable, type DrillProcess, eventually, expectNoGradingProcesses, repoRoot, runDrill, startDrill, tempCheckout } from '@debug-drills/test-support'
import { referenceFix, startTestServer, tempStateDir, type TestServer } from './support/workshop.js'

// The tutorial: small and stable, so the queue's timing is the queue's, not a drill's.
const SCENARIO = 'tutorial'
const docker = await dockerAvailable()

interface SubmissionBody {
  id: string
  status: string
  attempts: number
  report: { verdict: string } | null
}

async function openWorkshop(server: TestServer, trainees: number) {
  const token = server.facilitatorToken
  const created = await server.api<{ id: string; joinCode: string }>('POST', '/api/workshops', { token, body: { title: 'Queue', scenarios: [SCENARIO], durationMinutes: 60 } })
  expect(created.status).toBe(201)
  expect((await server.api('POST', `/api/workshops/${created.body.id}/start`, { token })).status).toBe(200)
  const tokens: string[] = []
  for (let index = 0; index < trainees; index++) {
    const joined = await server.api<{ token: string }>('POST', '/api/join', { body: { code: created.body.joinCode, name: `trainee-${index}` } })
    tokens.push(joined.body.token)
  }
  return { workshop: created.body, tokens }
}

async function submitFix(server: TestServer, token: string): Promise<string> {
  const sent = await server.api<{ id: string }>('POST', '/api/submissions', { token, body: { scenario: SCENARIO, diff: referenceFix(SCENARIO) } })
  expect(sent.status).toBe(202)
  return sent.body.id
}

async function finalState(server: TestServer, token: string, id: string, timeoutMs = 90_000): Promise<SubmissionBody> {
  return eventually(
    `submission ${id} graded`,
    async () => {
      const { body } = await server.api<SubmissionBody>('GET', `/api/submissions/${id}`, { token })
      return ['passed', 'failed', 'error'].includes(body.status) ? body : undefined
    },
    timeoutMs
  )
}

function worker(server: TestServer, name: string): DrillProcess {
  return startDrill(['worker', '--database-url', server.databaseUrl, '--name', name], { cwd: repoRoot, env: { DRILL_QUEUE_MAINTENANCE_SECONDS: '1' } })
}

describe.skipIf(!docker)('grading queue with drill worker processes (docker runtime)', () => {
  it('shares the queue between two workers, grades each submission once, and loses none when a worker is killed mid-job', async () => {
    using state = tempStateDir()
    // The check's own limit stays generous: on a loaded two-core machine a Docker check of the
    // tutorial takes up to about 20 s, and one that ran out of time would be retried (attempts 2).
    // Worker C below must find the dead worker's job without waiting for it to expire.
    const server = await startTestServer({ stateDir: state.path, timing: { gradeTimeoutMs: 120_000, maintenanceIntervalSeconds: 1 } })
    const workers: DrillProcess[] = []
    try {
      const { tokens } = await openWorkshop(server, 5)
      const a = worker(server, 'worker-a')
      const b = worker(server, 'worker-b')
      workers.push(a, b)
      await Promise.all([a.waitFor(/Grading worker worker-a/), b.waitFor(/Grading worker worker-b/)])

      const ids = await Promise.all(tokens.slice(0, 4).map((token) => submitFix(server, token)))
      const results = await Promise.all(ids.map((id, index) => finalState(server, tokens[index]!, id)))
      expect(results.map((result) => [result.status, result.attempts])).toEqual(ids.map(() => ['passed', 1]))
      const { body: exported } = await server.api<{ submissions: { gradedBy: string }[] }>('GET', `/api/workshops/${(await server.api<{ workshops: { id: string }[] }>('GET', '/api/workshops', { token: server.facilitatorToken })).body.workshops[0]!.id}/export.json`, {
        token: server.facilitatorToken
      })
      // A worker's name ends in its process, by which a dead one is told from a live one.
      expect(new Set(exported.submissions.map((row) => row.gradedBy.replace(/ \(.+:\d+\)$/, '')))).toEqual(new Set(['worker-a', 'worker-b']))
      expect(exported.submissions.map((row) => row.gradedBy)).toContain(`worker-a (${hostname()}:${a.child.pid})`)

      // Only worker A is left; it is killed (no chance to clean up) while grading.
      b.child.kill('SIGINT')
      expect(await b.exited).toBe(0)
      const last = tokens[4]!
      const id = await submitFix(server, last)
      await eventually('worker A grading the last submission', async () => {
        const { body } = await server.api<SubmissionBody & { status: string }>('GET', `/api/submissions/${id}`, { token: last })
        return body.status === 'grading' ? body : undefined
      })
      a.child.kill('SIGKILL')
      await a.exited
      const c = worker(server, 'worker-c')
      workers.push(c)
      // Worker C sees at its start that worker A's process is gone: no waiting for the job to expire.
      await c.waitFor(new RegExp(`${id} back in the queue: its grader worker-a \\(${hostname()}:${a.child.pid}\\) is no longer running`))
      const graded = await finalState(server, last, id, 120_000)
      expect(graded).toMatchObject({ status: 'passed', attempts: 2, report: { verdict: 'pass' } })
      await c.waitFor(new RegExp(`${id} passed`))
    } finally {
      for (const running of workers) {
        if (running.child.exitCode === null && running.child.signalCode === null) {
          running.child.kill('SIGINT')
          await running.exited
        }
      }
      await server.stop()
    }
  })
})

describe('workshop server restart', () => {
  it('keeps workshops, tokens, the clock, hints and queued submissions across a stop and a start', async () => {
    using state = tempStateDir()
    let server = await startTestServer({ stateDir: state.path })
    let stopped = false
    try {
      const { workshop, tokens } = await openWorkshop(server, 1)
      const ada = tokens[0]!
      expect((await server.api('POST', '/api/hints', { token: ada, body: { scenario: SCENARIO } })).status).toBe(200)
      const id = await submitFix(server, ada)
      const before = await server.api<{ workshop: { elapsedMs: number; phase: string } }>('GET', '/api/me', { token: ada })
      const facilitatorToken = server.facilitatorToken
      await server.stop()
      stopped = true

      server = await startTestServer({ stateDir: state.path })
      stopped = false
      expect(server.facilitatorToken).toBe(facilitatorToken)
      const listed = await server.api<{ workshops: { id: string; phase: string }[] }>('GET', '/api/workshops', { token: facilitatorToken })
      expect(listed.body.workshops).toEqual([expect.objectContaining({ id: workshop.id, phase: 'running' })])
      const after = await server.api<{ workshop: { elapsedMs: number }; submissions: { id: string; status: string }[] }>('GET', '/api/me', { token: ada })
      expect(after.status).toBe(200)
      expect(after.body.workshop.elapsedMs).toBeGreaterThanOrEqual(before.body.workshop.elapsedMs)
      expect(after.body.submissions).toEqual([expect.objectContaining({ id, status: 'queued' })])

      // The job survived in the queue: a worker that starts now grades it.
      const grader = await startWorkerProcess({ repoRoot, databaseUrl: server.databaseUrl, runtime: new EmbeddedRuntime(), concurrency: 1, name: 'after-restart' })
      try {
        expect(await finalState(server, ada, id)).toMatchObject({ status: 'passed', attempts: 1 })
      } finally {
        await grader.stop()
      }
      const board = await server.api<{ entries: { points: number; hints: number }[] }>('GET', `/api/boards/${workshop.id}`)
      expect(board.body.entries).toEqual([expect.objectContaining({ points: 90, hints: 1 })])
    } finally {
      if (!stopped) await server.stop()
    }
  })
})

describe('one verdict per submission', () => {
  it('ends a grading that kept dying in an error the trainee can resubmit after, and drill submit waits through a server restart', async () => {
    using state = tempStateDir()
    using ada = tempCheckout()
    const port = await freePort()
    let server = await startTestServer({ stateDir: state.path, port })
    let running = true
    try {
      const { workshop, tokens } = await openWorkshop(server, 1)
      const bob = tokens[0]!
      const code = workshop.joinCode

      // Bob's submission has been handed out five times, and each worker died with it.
      const doomed = await submitFix(server, bob)
      const sql = new pg.Client({ connectionString: server.databaseUrl })
      await sql.connect()
      try {
        await sql.query('UPDATE submissions SET attempts = 5 WHERE id = $1', [doomed])
      } finally {
        await sql.end()
      }

      // Ada submits from her checkout and waits; the server goes away and comes back.
      expect((await runDrill(['join', server.url, code, '--name', 'ada'], { cwd: ada.root })).exitCode).toBe(0)
      expect((await runDrill(['start', SCENARIO, '--yes'], { cwd: ada.root })).exitCode).toBe(0)
      ada.git('apply', join('scenarios', SCENARIO, 'fix.patch'))
      await using waiting = startDrill(['submit', SCENARIO], { cwd: ada.root })
      await waiting.waitFor(/Queued for grading/)
      const id = /submission ([0-9a-f-]{36})/.exec(waiting.output())?.[1]
      expect(id, waiting.output()).toBeDefined()
      await server.stop()
      running = false
      await waiting.waitFor(/The server does not answer; asking again/, 30_000)

      server = await startTestServer({ stateDir: state.path, port, workers: 1, runtime: new EmbeddedRuntime() })
      running = true
      expect(await waiting.exited, waiting.output()).toBe(0)
      expect(waiting.output()).toMatch(/PASS tutorial/)

      const ended = await finalState(server, bob, doomed)
      expect(ended).toMatchObject({ status: 'error', attempts: 6 })
      expect(JSON.stringify(ended.report)).toMatch(/started 5 times and never finished/)
      expect((await server.api('POST', '/api/submissions', { token: bob, body: { scenario: SCENARIO, diff: referenceFix(SCENARIO) } })).status).toBe(202)

      // A submission is followed again by its id, verdict and all.
      const followed = await runDrill(['submit', '--follow', id!, '--json'], { cwd: ada.root })
      expect(followed.exitCode, followed.stderr).toBe(0)
      expect(JSON.parse(followed.stdout)).toMatchObject({ id, status: 'passed' })
    } finally {
      if (running) await server.stop()
    }
  })
})

describe('drill serve killed with kill -9', () => {
  it('starts again on the same state folder with no manual step, and grades what it was grading, once', async () => {
    using checkout = tempCheckout()
    chmodSync(dirname(checkout.root), 0o755) // as root, PostgreSQL runs as another user, who must reach its folder
    const port = await freePort()
    const serve = () => startDrill(['serve', '--port', String(port), '--workers', '1', '--runtime', 'embedded', '--grade-timeout', '20'], { cwd: checkout.root })
    const url = `http://127.0.0.1:${port}`
    const api = async <T>(method: string, path: string, token: string, body?: unknown) => {
      const response = await fetch(new URL(path, url), {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {})
      })
      return (await response.json()) as T
    }
    const first = serve()
    let second: DrillProcess | undefined
    try {
      await first.waitFor(/Workshop server at/, 60_000)
      const facilitator = readFileSync(join(checkout.root, '.drill', 'serve', 'facilitator-token'), 'utf8').trim()
      const workshop = await api<{ id: string; joinCode: string }>('POST', '/api/workshops', facilitator, { title: 'Crash', scenarios: [SCENARIO], durationMinutes: 60 })
      await api('POST', `/api/workshops/${workshop.id}/start`, facilitator)
      const { token } = await api<{ token: string }>('POST', '/api/join', '', { code: workshop.joinCode, name: 'ada' })
      const { id } = await api<{ id: string }>('POST', '/api/submissions', token, { scenario: SCENARIO, diff: referenceFix(SCENARIO) })
      await eventually('grading under way', async () => ((await api<SubmissionBody>('GET', `/api/submissions/${id}`, token)).status === 'grading' ? true : undefined))

      // No chance to clean up: only its guardian stops its PostgreSQL and grading, and the grading's job stays taken.
      first.child.kill('SIGKILL')
      await first.exited
      second = serve()
      await second.waitFor(/Workshop server at/, 30_000)
      const ended = await eventually(
        'the submission graded after the restart',
        async () => {
          const body = await api<SubmissionBody>('GET', `/api/submissions/${id}`, token)
          return ['passed', 'failed', 'error'].includes(body.status) ? body : undefined
        },
        120_000
      )
      expect(ended).toMatchObject({ status: 'passed', attempts: 2, report: { verdict: 'pass' } })
    } finally {
      if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL')
      if (second) {
        second.child.kill('SIGINT')
        expect(await second.exited).toBe(0)
      }
    }
    // Nothing of the killed server runs on: its guardian stopped its PostgreSQL and its grading's processes.
    await expectNoGradingProcesses()
  })
})
