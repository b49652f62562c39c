import { EventEmitter } from 'node:events'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listScenarios, parseAnswer, WorkshopVersionError } from '@debug-drills/grader'
import { buildWorkshopApp, requireContractSchema } from '../src/app.js'
import { api, type SubmissionView } from '@debug-drills/workshop-contract'
import type { WorkshopDb } from '../src/workshop-db.js'
import type { WorkshopEvents } from '../src/workshop-events.js'
import { repoRoot } from '@debug-drills/test-support'

let app: FastifyInstance

beforeAll(async () => {
  const scenarios = await listScenarios(repoRoot)
  app = await buildWorkshopApp({
    db: {} as WorkshopDb,
    repoRoot,
    catalog: new Map(scenarios.map((scenario) => [scenario.id, scenario])),
    tracks: [{ id: 'first-steps', title: 'First steps', summary: 'Two drills.', scenarios: scenarios.slice(0, 2).map((scenario) => scenario.id) }],
    pristineBase: 'HEAD',
    events: new EventEmitter() as unknown as WorkshopEvents,
    enqueue: async () => undefined,
    gradeTimeoutMs: 60_000,
    submissionsPerMinute: 4
  })
  await app.ready()
})

afterAll(async () => {
  await app?.close()
})

/** The `/api/` routes the server registered, as `METHOD /path`, read from Fastify's route tree. */
function registeredApiRoutes(server: FastifyInstance): string[] {
  const paths: string[] = []
  const routes: string[] = []
  for (const line of server.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^((?:[│ ] {3})*)[└├]── (\S+)(?: \(([^)]+)\))?/.exec(line)
    if (!node) continue
    const depth = (node[1] ?? '').length / 4
    const path = `${paths[depth - 1] ?? ''}${node[2]}`
    paths[depth] = path
    for (const method of node[3]?.split(', ') ?? []) if (method !== 'HEAD' && path.startsWith('/api/')) routes.push(`${method} ${path}`)
  }
  return routes
}

describe('workshop contract: the server', () => {
  it('registers every /api/ route of contract.ts, and no other', () => {
    const contract = Object.values(api).map((route) => `${route.method} ${route.url}`)
    expect(registeredApiRoutes(app).sort()).toEqual([...contract].sort())
  })

  it('refuses to register an /api/ route without an answer schema', async () => {
    const bare = Fastify()
    bare.addHook('onRoute', requireContractSchema)
    expect(() => bare.get('/api/undocumented', async () => ({ ok: true }))).toThrow(/no answer schema: describe it in packages\/workshop-contract\/src\/index\.ts/)
    bare.get('/api/documented', { schema: { response: { 200: api.health.response[200] } } }, async () => ({ ok: true, database: 'up' }))
    bare.get('/elsewhere', async () => 'not part of the API')
    await bare.close()
  })

  it('answers in full: the answer schemas keep every field the handler sent', async () => {
    const answer = await app.inject({ method: 'GET', url: '/api/scenarios' })
    expect(answer.statusCode).toBe(200)
    const body = answer.json<{ scenarios: Record<string, unknown>[]; tracks: Record<string, unknown>[] }>()
    expect(Object.keys(body.scenarios[0] ?? {}).sort()).toEqual(['difficulty', 'id', 'service', 'timeLimitMinutes', 'title'])
    expect(body.tracks).toEqual([expect.objectContaining({ id: 'first-steps', summary: 'Two drills.' })])
    expect(parseAnswer(api.scenarios.response[200], body, { url: 'http://server', path: api.scenarios.url }).scenarios.length).toBeGreaterThan(0)
  })

  it('says what is wrong with a request that breaks the contract, as a 400 with the field', async () => {
    const answer = await app.inject({ method: 'POST', url: '/api/join', payload: { code: 'ABCD' } })
    expect(answer.statusCode).toBe(400)
    expect(answer.json<{ error: string }>().error).toMatch(/^The request is not valid: .*name/)
  })
})

describe('workshop contract: the clients', () => {
  const report = { verdict: 'fail' as const, seed: 42, durationMs: 9_000, tests: [{ name: 'sells the last item', status: 'fail', message: 'expected 0' }], coverage: 'a newer field' }
  const submission: SubmissionView = {
    id: 'sub_1',
    scenario: 'catalog-sold-out-stock',
    status: 'failed',
    submittedAt: '2026-01-01T10:00:00.000Z',
    elapsedMs: 60_000,
    gradedAt: '2026-01-01T10:01:00.000Z',
    attempts: 1,
    report
  }
  const where = { url: 'http://10.0.0.5:4000', path: '/api/submissions/sub_1' }

  it('read an answer that follows the contract, fields a newer server adds included', () => {
    expect(parseAnswer(api.submission.response[200], { ...submission, newerField: true }, where)).toMatchObject(submission)
  })

  it('refuse an answer missing a field with one paragraph: another version of the API, and what to do', () => {
    const { status: _status, ...renamed } = { ...submission, state: submission.status }
    let refused: unknown
    try {
      parseAnswer(api.submission.response[200], renamed, where)
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(WorkshopVersionError)
    const message = (refused as Error).message
    expect(message).toMatch(/^The workshop server at http:\/\/10\.0\.0\.5:4000 answered \/api\/submissions\/sub_1 in a form this drill does not read \(.*status.*\): it speaks another version of the workshop API\./)
    expect(message).toMatch(/same commit/)
    expect(message).not.toMatch(/\n|at .*\.ts:\d+/)
    expect((refused as WorkshopVersionError).exitCode).toBe(2)
  })

  it('refuse a grading report of the wrong shape, and an event without its queue position', () => {
    expect(() => parseAnswer(api.submission.response[200], { ...submission, report: { verdict: 'fail' } }, where)).toThrow(WorkshopVersionError)
    expect(() => parseAnswer(api.submissionEvents.events.submission, submission, where)).toThrow(/queuePosition/)
    expect(parseAnswer(api.submissionEvents.events.submission, { ...submission, queuePosition: null }, where).queuePosition).toBeNull()
  })
})
