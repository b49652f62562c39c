import { Type, type Static, type TSchema } from 'typebox'
import { Value } from 'typebox/value'

/**
 * The workshop API as both sides speak it: `drill serve` answers with these schemas and the
 * clients (`drill join`, `drill submit`, `drill hint`) read answers with them. Renaming a field
 * here fails to compile on both sides; a server from another commit is told apart at run time.
 *
 * This module is imported by the clients: it may depend on `typebox` only.
 */

/** Where `value` breaks `schema`: each as a dotted field name ('' for the value as a whole) and what is wrong. */
export function contractErrors(schema: TSchema, value: unknown): { field: string; message: string }[] {
  return Value.Errors(schema, value).map((error) => ({ field: error.instancePath.slice(1).replaceAll('/', '.'), message: error.message }))
}

export const MAX_DIFF_BYTES = 256 * 1024

/** The largest request body the server reads: a diff at the limit, with room for JSON's escapes. */
export const MAX_REQUEST_BYTES = 4 * MAX_DIFF_BYTES

/** What to do about a submission that is too large, for every message that says so. */
export function tooLargeAdvice(service?: string): string {
  const where = service ? `services/${service}/src` : "the service's src/"
  return `A fix changes a few lines of ${where}: submit only that, and undo generated files, lockfiles, copied folders and reformatted files (\`git status\` lists them; \`git restore <path>\` undoes a change, and a file you added can be deleted), then submit again.`
}

export function formatKilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`
}

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Share = Type.Number({ minimum: 0, maximum: 1 })

/** Every 4xx and 5xx answer of the API (but the health check's 503). */
export const ErrorAnswer = Type.Object({ error: Type.String() })
export type ErrorAnswer = Static<typeof ErrorAnswer>

const errors = { '4xx': ErrorAnswer, '5xx': ErrorAnswer }

export const IdParams = Type.Object({ id: Type.String() })

export const ScoringRules = Type.Object({
  pointsPerDifficulty: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  hintCosts: Type.Optional(Type.Array(Share, { maxItems: 10 })),
  overtimePenalty: Type.Optional(Share),
  floor: Type.Optional(Share)
})

export const NewWorkshopBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 400, pattern: '\\S' }),
  scenarios: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 50 }),
  durationMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
  freezeMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 24 * 60 })),
  mode: Type.Optional(Type.Union([Type.Literal('individual'), Type.Literal('team')])),
  scoring: Type.Optional(ScoringRules)
})
export type NewWorkshopBody = Static<typeof NewWorkshopBody>

/** Names are cleaned by the server (see displayName) before their length is judged. */
export const JoinBody = Type.Object({
  code: Type.String({ maxLength: 100 }),
  name: Type.String({ maxLength: 200 }),
  team: Type.Optional(Type.String({ maxLength: 200 }))
})
export type JoinBody = Static<typeof JoinBody>

export const SubmitBody = Type.Object({
  scenario: Type.String({ minLength: 1, maxLength: 100 }),
  diff: Type.String()
})
export type SubmitBody = Static<typeof SubmitBody>

export const HintBody = Type.Object({ scenario: Type.String({ minLength: 1, maxLength: 100 }) })
export type HintBody = Static<typeof HintBody>

export const WorkshopView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  joinCode: Type.String(),
  mode: Type.Union([Type.Literal('individual'), Type.Literal('team')]),
  scenarios: Type.Array(Type.String()),
  durationMinutes: Type.Integer(),
  freezeMinutes: Type.Integer(),
  /** The rules as stored: the server reads them leniently (scoringRules). */
  scoring: Type.Unknown(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('running'), Type.Literal('paused'), Type.Literal('ended')]),
  phase: Type.Union([Type.Literal('draft'), Type.Literal('running'), Type.Literal('paused'), Type.Literal('time-up'), Type.Literal('ended')]),
  round: Type.Integer(),
  elapsedMs: Type.Number(),
  frozenAtMs: Nullable(Type.Number()),
  startedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  createdAt: Type.String()
})
export type WorkshopView = Static<typeof WorkshopView>

export const ParticipantView = Type.Object({ id: Type.String(), name: Type.String(), team: Nullable(Type.String()) })
export type ParticipantView = Static<typeof ParticipantView>

/** What a trainee may see of a grading: outcomes and messages, never the tests' code. Open to fields a newer grader adds. */
export const GradingReport = Type.Object(
  {
    verdict: Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('error')]),
    seed: Type.Number(),
    durationMs: Type.Number(),
    tests: Type.Array(Type.Object({ name: Type.String(), status: Type.String(), message: Type.Optional(Type.String()) }, { additionalProperties: true })),
    problem: Type.Optional(Type.Object({ kind: Type.String(), message: Type.String(), details: Type.Array(Type.String()) }, { additionalProperties: true }))
  },
  { additionalProperties: true }
)
export type GradingReport = Static<typeof GradingReport>

export const SubmissionStatus = Type.Union([Type.Literal('queued'), Type.Literal('grading'), Type.Literal('passed'), Type.Literal('failed'), Type.Literal('error')])

export const SubmissionView = Type.Object({
  id: Type.String(),
  scenario: Type.String(),
  status: SubmissionStatus,
  submittedAt: Type.String(),
  elapsedMs: Type.Number(),
  gradedAt: Nullable(Type.String()),
  attempts: Type.Integer(),
  report: Nullable(GradingReport)
})
export type SubmissionView = Static<typeof SubmissionView>

/** A `submission` event of /api/submissions/:id/events: the submission, and its place while queued. */
export const SubmissionEvent = Type.Intersect([SubmissionView, Type.Object({ queuePosition: Nullable(Type.Integer()) })])
export type SubmissionEvent = Static<typeof SubmissionEvent>

export const JoinAnswer = Type.Object({ token: Type.String(), participant: ParticipantView, workshop: WorkshopView })
export type JoinAnswer = Static<typeof JoinAnswer>

export const MeAnswer = Type.Object({ participant: ParticipantView, workshop: WorkshopView, submissions: Type.Array(SubmissionView) })
export type MeAnswer = Static<typeof MeAnswer>

export const HintAnswer = Type.Union([
  Type.Object({ outcome: Type.Literal('shown'), index: Type.Integer(), total: Type.Integer(), text: Type.String(), cost: Type.Number(), elapsedMs: Type.Number() }),
  Type.Object({ outcome: Type.Literal('gated'), index: Type.Integer(), total: Type.Integer(), elapsedMs: Type.Number(), opensInMs: Type.Number() }),
  Type.Object({ outcome: Type.Literal('exhausted'), total: Type.Integer(), hints: Type.Array(Type.String()) })
])
export type HintAnswer = Static<typeof HintAnswer>

export const Board = Type.Object({
  workshop: Type.Object({
    id: Type.String(),
    title: Type.String(),
    joinCode: Type.String(),
    mode: Type.Union([Type.Literal('individual'), Type.Literal('team')]),
    phase: Type.String(),
    round: Type.Integer(),
    durationMs: Type.Number(),
    elapsedMs: Type.Number()
  }),
  frozenAtMs: Nullable(Type.Number()),
  scenarios: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      difficulty: Type.Number(),
      timeLimitMinutes: Type.Number(),
      firstSolve: Nullable(Type.Object({ name: Type.String(), elapsedMs: Type.Number() }))
    })
  ),
  entries: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      entrant: Type.String(),
      name: Type.String(),
      members: Type.Array(Type.String()),
      points: Type.Number(),
      solves: Type.Array(Type.Object({ scenario: Type.String(), elapsedMs: Type.Number(), points: Type.Number(), hints: Type.Integer(), first: Type.Boolean() })),
      hints: Type.Integer(),
      submissions: Type.Integer(),
      series: Type.Array(Type.Object({ elapsedMs: Type.Number(), points: Type.Number() }))
    })
  ),
  lastVerdictAt: Nullable(Type.String()),
  generatedAt: Type.String()
})
export type BoardView = Static<typeof Board>

export const ScenariosAnswer = Type.Object({
  scenarios: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), service: Type.String(), difficulty: Type.Number(), timeLimitMinutes: Type.Number() })),
  tracks: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), summary: Type.String(), scenarios: Type.Array(Type.String()) }))
})
export type ScenariosAnswer = Static<typeof ScenariosAnswer>

export const Health = Type.Object({ ok: Type.Boolean(), database: Type.String() })

export const ExportQuery = Type.Object({ round: Type.Optional(Type.String()) })

export const ExportAnswer = Type.Object({
  exportedAt: Type.String(),
  round: Type.Integer(),
  workshop: WorkshopView,
  participants: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), team: Nullable(Type.String()), joinedAt: Type.String() })),
  submissions: Type.Array(
    Type.Object({
      id: Type.String(),
      participant: Type.String(),
      team: Type.String(),
      scenario: Type.String(),
      submittedAt: Type.String(),
      elapsedSeconds: Type.Number(),
      status: SubmissionStatus,
      points: Type.Number(),
      attempts: Type.Integer(),
      gradedBy: Type.String(),
      gradedAt: Type.String(),
      seed: Nullable(Type.Number()),
      failingTests: Type.Array(Type.String())
    })
  ),
  hints: Type.Array(Type.Object({ participant: Type.String(), scenario: Type.String(), hint: Type.Integer(), at: Type.String(), elapsedSeconds: Type.Number() })),
  board: Board
})
export type ExportAnswer = Static<typeof ExportAnswer>

/** A server-sent events stream: its events' data are described by the route's `events` schema. */
const eventStream = { content: { 'text/event-stream': { schema: Type.String() } } }

/**
 * Every `/api/` route. `body` is checked by the handler after authentication (parseRequest in
 * app-context.ts), so that an unknown token is told before a malformed body; the rest is the
 * route's Fastify schema (routeSchema).
 */
export const api = {
  health: { method: 'GET', url: '/api/health', response: { 200: Health, 503: Health, '4xx': ErrorAnswer } },
  scenarios: { method: 'GET', url: '/api/scenarios', response: { 200: ScenariosAnswer, ...errors } },
  board: { method: 'GET', url: '/api/boards/:id', params: IdParams, response: { 200: Board, ...errors } },
  boardEvents: { method: 'GET', url: '/api/boards/:id/events', params: IdParams, events: { board: Board }, response: { 200: eventStream, ...errors } },
  workshops: { method: 'GET', url: '/api/workshops', response: { 200: Type.Object({ workshops: Type.Array(WorkshopView) }), ...errors } },
  createWorkshop: { method: 'POST', url: '/api/workshops', body: NewWorkshopBody, response: { 201: WorkshopView, ...errors } },
  workshop: { method: 'GET', url: '/api/workshops/:id', params: IdParams, response: { 200: WorkshopView, ...errors } },
  workshopAction: {
    method: 'POST',
    url: '/api/workshops/:id/:action',
    params: Type.Object({ id: Type.String(), action: Type.String() }),
    response: { 200: WorkshopView, ...errors }
  },
  liveBoard: { method: 'GET', url: '/api/workshops/:id/board', params: IdParams, response: { 200: Board, ...errors } },
  exportJson: { method: 'GET', url: '/api/workshops/:id/export.json', params: IdParams, querystring: ExportQuery, response: { 200: ExportAnswer, ...errors } },
  exportCsv: {
    method: 'GET',
    url: '/api/workshops/:id/export.csv',
    params: IdParams,
    querystring: ExportQuery,
    response: { 200: { content: { 'text/csv': { schema: Type.String() } } }, ...errors }
  },
  join: { method: 'POST', url: '/api/join', body: JoinBody, response: { 201: JoinAnswer, ...errors } },
  me: { method: 'GET', url: '/api/me', response: { 200: MeAnswer, ...errors } },
  submit: { method: 'POST', url: '/api/submissions', body: SubmitBody, response: { 202: SubmissionView, ...errors } },
  submission: { method: 'GET', url: '/api/submissions/:id', params: IdParams, response: { 200: SubmissionView, ...errors } },
  submissionEvents: {
    method: 'GET',
    url: '/api/submissions/:id/events',
    params: IdParams,
    events: { submission: SubmissionEvent },
    response: { 200: eventStream, ...errors }
  },
  hint: { method: 'POST', url: '/api/hints', body: HintBody, response: { 200: HintAnswer, ...errors } }
} as const

export type ApiRoute = (typeof api)[keyof typeof api]

/** What Fastify is given of a route: its params, querystring and answers. */
export function routeSchema<R extends ApiRoute>(route: R): Pick<R, Extract<keyof R, 'params' | 'querystring' | 'response'>> {
  const { params, querystring, response } = route as { params?: TSchema; querystring?: TSchema; response: unknown }
  return { ...(params ? { params } : {}), ...(querystring ? { querystring } : {}), response } as Pick<R, Extract<keyof R, 'params' | 'querystring' | 'response'>>
}
