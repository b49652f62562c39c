import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DockerRuntime } from '@debug-drills/grader'
import { dockerAvailable, eventually, repoRoot } from '@debug-drills/test-support'
import { startTestServer, tempStateDir, type TestServer } from './support/workshop.js'

/**
 * A trainee who means harm, against a real `drill serve` grading on the docker runtime: each
 * submission is a diff of the tutorial's service, sent through the trainees' API.
 */
const SCENARIO = 'tutorial'
const SERVER_FILE = 'src/server.ts'
const LOAD_CONFIG = 'const config = loadConfig()'
const docker = await dockerAvailable()

/** A diff of the greetings service's server.ts, with `before` lines put in front of the file and `after` lines after its config. */
function serverDiff({ before = [], after = [] }: { before?: string[]; after?: string[] }): string {
  const lines = readFileSync(join(repoRoot, 'services', 'greetings', SERVER_FILE), 'utf8').replace(/\n$/, '').split('\n')
  const changed = [...before.map((line) => `+${line}`), ...lines.flatMap((line) => (line === LOAD_CONFIG ? [` ${line}`, ...after.map((added) => `+${added}`)] : [` ${line}`]))]
  return [
    `diff --git a/${SERVER_FILE} b/${SERVER_FILE}`,
    `--- a/${SERVER_FILE}`,
    `+++ b/${SERVER_FILE}`,
    `@@ -1,${lines.length} +1,${lines.length + before.length + after.length} @@`,
    ...changed,
    ''
  ].join('\n')
}

interface Graded {
  status: string
  report: { verdict: string; problem?: { kind: string; message: string; details: string[] } } | null
}

describe.runIf(docker)('hostile submissions to a workshop server on the docker runtime', () => {
  let state: ReturnType<typeof tempStateDir>
  let server: TestServer
  let joinCode: string
  let trainees = 0

  beforeAll(async () => {
    state = tempStateDir()
    server = await startTestServer({ stateDir: state.path, workers: 1, runtime: await DockerRuntime.connect() })
    const token = server.facilitatorToken
    const created = await server.api<{ id: string; joinCode: string }>('POST', '/api/workshops', { token, body: { title: 'Hostile', scenarios: [SCENARIO], durationMinutes: 60 } })
    expect((await server.api('POST', `/api/workshops/${created.body.id}/start`, { token })).status).toBe(200)
    joinCode = created.body.joinCode
  })

  afterAll(async () => {
    await server?.stop()
    state?.[Symbol.dispose]()
  })

  /** Sends the diff as a new trainee and waits for its verdict. */
  async function graded(diff: string): Promise<{ graded: Graded; raw: string }> {
    const joined = await server.api<{ token: string }>('POST', '/api/join', { body: { code: joinCode, name: `mallory-${trainees++}` } })
    const token = joined.body.token
    const sent = await server.api<{ id: string }>('POST', '/api/submissions', { token, body: { scenario: SCENARIO, diff } })
    expect(sent.status, JSON.stringify(sent.body)).toBe(202)
    return eventually(
      'a verdict',
      async () => {
        const response = await fetch(new URL(`/api/submissions/${sent.body.id}`, server.url), { headers: { authorization: `Bearer ${token}` } })
        const raw = await response.text()
        const body = JSON.parse(raw) as Graded
        return ['passed', 'failed', 'error'].includes(body.status) ? { graded: body, raw } : undefined
      },
      120_000
    )
  }

  it('shows no byte of the server’s files: not by an import, nor by a type-check reference', async () => {
    const token = server.facilitatorToken
    const secret = `TOPSECRET_${Math.random().toString(36).slice(2)}`
    const secretTs = join(state.path, 'leak', 'secret.ts')
    mkdirSync(join(state.path, 'leak'), { recursive: true })
    writeFileSync(secretTs, `${secret}\nexport const shown = ${secret}\n`)
    for (const diff of [
      serverDiff({ before: [`import leaked from '${join(state.path, 'facilitator-token')}' with { type: 'text' }`], after: ['console.log(leaked)'] }),
      serverDiff({ before: [`import { shown } from '${secretTs.replace(/\.ts$/, '.js')}'`], after: ['console.log(shown)'] }),
      serverDiff({ before: [`/// <reference path="${secretTs}" />`] })
    ]) {
      const { graded: result, raw } = await graded(diff)
      expect(result.report).toMatchObject({ verdict: 'error', problem: { kind: 'compile' } })
      expect(result.report?.problem?.details.join('\n')).toMatch(/outside the service and its packages|imported with/)
      expect(raw).not.toContain(token)
      expect(raw).not.toContain(secret)
    }
  })

  it('runs the service where it reaches neither the server nor the host, and gives it none of the server’s environment', async () => {
    const port = new URL(server.url).port
    const addresses = ['127.0.0.1', '172.17.0.1', ...Object.values(networkInterfaces()).flatMap((infos) => (infos ?? []).filter((info) => info.family === 'IPv4').map((info) => info.address))]
    const { graded: result, raw } = await graded(
      serverDiff({
        after: [
          "const net = await import('node:net')",
          'const reach = (host: string) => new Promise<string>((resolve) => {',
          `  const socket = net.connect({ host, port: ${port}, timeout: 1500 })`,
          "  socket.once('connect', () => { socket.destroy(); resolve(`${host}:open`) })",
          "  socket.once('timeout', () => { socket.destroy(); resolve(`${host}:timeout`) })",
          "  socket.once('error', (error: NodeJS.ErrnoException) => resolve(`${host}:${error.code}`))",
          '})',
          `const reached = await Promise.all(${JSON.stringify(addresses)}.map(reach))`,
          "throw new Error(`probe reached=${reached.join(',')} env=${JSON.stringify(process.env)}`)"
        ]
      })
    )
    expect(result.report).toMatchObject({ verdict: 'error', problem: { kind: 'service' } })
    const log = result.report?.problem?.details.join('\n') ?? ''
    const reached = /Error: probe reached=(\S+) env=/.exec(log)?.[1]?.split(',') ?? []
    expect(reached, log).toHaveLength(addresses.length)
    expect(reached.filter((answer) => answer.endsWith(':open'))).toEqual([])
    expect(raw).not.toContain(server.facilitatorToken)
    expect(raw).not.toContain(server.databaseUrl)
  })

  it('keeps answering while a service prints 50 MB on one line, and keeps a bounded copy of it', async () => {
    let slowest = 0
    let polling = true
    const poll = (async () => {
      while (polling) {
        const started = performance.now()
        expect((await fetch(new URL('/api/health', server.url))).status).toBe(200)
        slowest = Math.max(slowest, performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
    const { graded: result, raw } = await graded(
      serverDiff({ after: ["const { writeSync } = await import('node:fs')", "for (let i = 0; i < 50; i++) writeSync(1, 'x'.repeat(1_000_000))", "throw new Error('after the long line')"] })
    )
    polling = false
    await poll
    expect(result.report).toMatchObject({ verdict: 'error', problem: { kind: 'service' } })
    expect(raw.length).toBeLessThan(100_000)
    // Read as it was before (quadratic in the line's length), 50 MB held the server for about a minute. A few
    // seconds leave room for a loaded CI machine, where other packages' tests run beside these.
    expect(slowest).toBeLessThan(3_000)
  })

  it('refuses a diff that would plant a symlink, before grading it', async () => {
    const joined = await server.api<{ token: string }>('POST', '/api/join', { body: { code: joinCode, name: `mallory-${trainees++}` } })
    const diff = `diff --git a/src/leak.ts b/src/leak.ts\nnew file mode 120000\nindex 0000000..e69de29\n--- /dev/null\n+++ b/src/leak.ts\n@@ -0,0 +1 @@\n+${join(state.path, 'facilitator-token')}\n\\ No newline at end of file\n`
    const sent = await server.api<{ error: string }>('POST', '/api/submissions', { token: joined.body.token, body: { scenario: SCENARIO, diff } })
    expect(sent.status).toBe(422)
    expect(sent.body.error).toMatch(/symlink|link/i)
  })
})
