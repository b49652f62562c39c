import { stringify } from 'csv-stringify/sync'
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { buildBoard, computeBoard } from './board.js'
import { phase, workshopElapsedMs } from './clock.js'
import { ApiError, findWorkshop, parseRequest, requireFacilitator, type AppContext } from './app-context.js'
import { api, routeSchema, type WorkshopView } from '@debug-drills/workshop-contract'
import { newJoinCode } from './tokens.js'
import { announce, type Workshop } from './workshop-db.js'
import { newWorkshop } from './workshop-settings.js'

export const ACTIONS = ['start', 'pause', 'resume', 'freeze', 'unfreeze', 'end', 'reset'] as const
export type WorkshopAction = (typeof ACTIONS)[number]

export function workshopView(workshop: Workshop, now = Date.now()): WorkshopView {
  return {
    id: workshop.id,
    title: workshop.title,
    joinCode: workshop.joinCode,
    mode: workshop.mode,
    scenarios: workshop.scenarios,
    durationMinutes: workshop.durationMinutes,
    freezeMinutes: workshop.freezeMinutes,
    scoring: workshop.scoring,
    status: workshop.status,
    phase: phase(workshop, now),
    round: workshop.round,
    elapsedMs: workshopElapsedMs(workshop, now),
    frozenAtMs: workshop.frozenAtMs,
    startedAt: workshop.startedAt?.toISOString() ?? null,
    endedAt: workshop.endedAt?.toISOString() ?? null,
    createdAt: workshop.createdAt.toISOString()
  }
}

/** What each action changes, given the workshop as it is; an action that makes no sense now says why. */
function transition(workshop: Workshop, action: WorkshopAction, now: Date): Partial<Omit<Workshop, 'scoring'>> {
  const current = phase(workshop, now.getTime())
  const refuse = (why: string) => new ApiError(409, `Cannot ${action} "${workshop.title}": ${why}`)
  switch (action) {
    case 'start':
      if (workshop.status !== 'draft') throw refuse(current === 'paused' ? 'it is paused; resume it instead.' : `it is ${current}. Reset it to run it again.`)
      return { status: 'running', startedAt: now }
    case 'pause':
      if (current !== 'running') throw refuse(`it is ${current}, not running.`)
      return { status: 'paused', pausedAt: now }
    case 'resume':
      if (workshop.status !== 'paused' || !workshop.pausedAt) throw refuse(`it is ${current}, not paused.`)
      return { status: 'running', pausedAt: null, pausedMs: workshop.pausedMs + (now.getTime() - workshop.pausedAt.getTime()) }
    case 'freeze':
      if (current !== 'running' && current !== 'paused' && current !== 'time-up') throw refuse(`it is ${current}; only a started workshop's board can freeze.`)
      return { frozenAtMs: workshopElapsedMs(workshop, now.getTime()) }
    case 'unfreeze':
      return { frozenAtMs: null }
    case 'end':
      if (workshop.status === 'draft' || workshop.status === 'ended') throw refuse(`it is ${current}.`)
      return { status: 'ended', endedAt: now, endedAtMs: workshopElapsedMs(workshop, now.getTime()), pausedAt: null }
    case 'reset':
      return {
        status: 'draft',
        round: workshop.round + 1,
        joinCode: newJoinCode(),
        startedAt: null,
        pausedAt: null,
        pausedMs: 0,
        frozenAtMs: null,
        endedAt: null,
        endedAtMs: null
      }
  }
}

export function registerFacilitatorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>()
    scope.addHook('preValidation', async (request) => requireFacilitator(ctx, request))

    scope.get(api.workshops.url, { schema: routeSchema(api.workshops) }, async () => {
      const workshops = await db.workshop.findMany({ orderBy: { createdAt: 'desc' } })
      return { workshops: workshops.map((workshop) => workshopView(workshop)) }
    })

    scope.post(api.createWorkshop.url, { schema: routeSchema(api.createWorkshop) }, async (request, reply) => {
      const input = newWorkshop(parseRequest(api.createWorkshop.body, request.body))
      const unknown = input.scenarios.filter((id) => !ctx.catalog.has(id))
      if (unknown.length > 0) {
        throw new ApiError(422, `Unknown scenarios: ${unknown.join(', ')}. This server has: ${[...ctx.catalog.keys()].join(', ')}.`)
      }
      const workshop = await db.workshop.create({
        data: { ...input, joinCode: newJoinCode() }
      })
      reply.code(201)
      return workshopView(workshop)
    })

    scope.get(api.workshop.url, { schema: routeSchema(api.workshop) }, async (request) => workshopView(await findWorkshop(ctx, request.params.id)))

    scope.post(api.workshopAction.url, { schema: routeSchema(api.workshopAction) }, async (request) => {
      const action = request.params.action as WorkshopAction
      if (!ACTIONS.includes(action)) throw new ApiError(404, `There is no action "${request.params.action}". Actions: ${ACTIONS.join(', ')}.`)
      const workshop = await findWorkshop(ctx, request.params.id)
      const now = new Date()
      const changes = transition(workshop, action, now)
      // Only if nobody changed it meanwhile: two facilitators clicking at once do not stack pauses.
      const updated = await db.workshop.updateMany({ where: { id: workshop.id, status: workshop.status, round: workshop.round }, data: changes })
      if (updated.count === 0) throw new ApiError(409, 'The workshop changed while this was sent; reload and try again.')
      await announce(db, { kind: 'workshop', workshopId: workshop.id })
      return workshopView(await findWorkshop(ctx, workshop.id))
    })

    scope.get(api.liveBoard.url, { schema: routeSchema(api.liveBoard) }, async (request) => {
      return computeBoard(db, await findWorkshop(ctx, request.params.id), ctx.catalog, { live: true })
    })

    scope.get(api.exportJson.url, { schema: routeSchema(api.exportJson) }, async (request, reply) => {
      const data = await exportData(ctx, request.params.id, request.query.round)
      reply.header('content-disposition', `attachment; filename="${fileName(data.workshop.title, data.round)}.json"`)
      return data
    })

    scope.get(api.exportCsv.url, { schema: routeSchema(api.exportCsv) }, async (request, reply) => {
      const data = await exportData(ctx, request.params.id, request.query.round)
      reply.header('content-type', 'text/csv; charset=utf-8')
      reply.header('content-disposition', `attachment; filename="${fileName(data.workshop.title, data.round)}.csv"`)
      return stringify(data.submissions, {
        header: true,
        // A spreadsheet runs a cell that starts like a formula: names are the trainees' to choose.
        cast: { string: neutraliseFormula },
        columns: [
          { key: 'id', header: 'submission_id' },
          { key: 'participant', header: 'participant' },
          { key: 'team', header: 'team' },
          { key: 'scenario', header: 'scenario' },
          { key: 'submittedAt', header: 'submitted_at' },
          { key: 'elapsedSeconds', header: 'elapsed_seconds' },
          { key: 'status', header: 'status' },
          { key: 'points', header: 'points' },
          { key: 'attempts', header: 'grading_attempts' },
          { key: 'gradedBy', header: 'graded_by' },
          { key: 'gradedAt', header: 'graded_at' }
        ]
      })
    })
  })
}

/** `=cmd|...`, `+1+1`, `@SUM(...)`: a leading apostrophe makes a spreadsheet show the text instead. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function fileName(title: string, round: number): string {
  return `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'workshop'}-round-${round}`
}

/** Everything about one round: who took part, every submission with its verdict, the hints, the board. */
export async function exportData(ctx: AppContext, id: string, roundParam?: string) {
  const workshop = await findWorkshop(ctx, id)
  const round = roundParam === undefined ? workshop.round : Number(roundParam)
  if (!Number.isInteger(round) || round < 1 || round > workshop.round) throw new ApiError(400, `round must be a whole number from 1 to ${workshop.round}.`)
  const where = { workshopId: id, round }
  const [participants, submissions, hints] = await Promise.all([
    ctx.db.participant.findMany({ where, orderBy: { joinedAt: 'asc' } }),
    ctx.db.submission.findMany({ where, orderBy: { submittedAt: 'asc' }, omit: { diff: true } }),
    ctx.db.hintUse.findMany({ where, orderBy: { at: 'asc' } })
  ])
  const board = buildBoard({ workshop: { ...workshop, round }, catalog: ctx.catalog, participants, submissions, hints, now: Date.now(), live: true })
  const names = new Map(participants.map((participant) => [participant.id, participant]))
  // A solve's points go to the submission that scored it: the entrant's first passing one.
  const scoring = new Map<string, number>()
  for (const entry of board.entries) {
    for (const solve of entry.solves) {
      const scored = submissions.find((row) => row.entrant === entry.entrant && row.scenario === solve.scenario && row.status === 'passed' && row.elapsedMs === solve.elapsedMs)
      if (scored) scoring.set(scored.id, solve.points)
    }
  }
  return {
    exportedAt: new Date().toISOString(),
    round,
    workshop: workshopView(workshop),
    participants: participants.map((participant) => ({ id: participant.id, name: participant.name, team: participant.team, joinedAt: participant.joinedAt.toISOString() })),
    submissions: submissions.map((submission) => {
      // Read field by field: a report stored by another version of the grader still exports what it has.
      const report = (submission.report ?? {}) as { seed?: unknown; tests?: unknown }
      const tests = Array.isArray(report.tests) ? (report.tests as { name?: unknown; status?: unknown }[]) : []
      return {
        id: submission.id,
        participant: names.get(submission.participantId)?.name ?? '?',
        team: names.get(submission.participantId)?.team ?? '',
        scenario: submission.scenario,
        submittedAt: submission.submittedAt.toISOString(),
        elapsedSeconds: Math.round(submission.elapsedMs / 1000),
        status: submission.status,
        points: scoring.get(submission.id) ?? 0,
        attempts: submission.attempts,
        gradedBy: submission.gradedBy ?? '',
        gradedAt: submission.gradedAt?.toISOString() ?? '',
        seed: typeof report.seed === 'number' ? report.seed : null,
        failingTests: tests.flatMap((test) => (test && typeof test.name === 'string' && test.status !== 'pass' ? [test.name] : []))
      }
    }),
    hints: hints.map((hint) => ({
      participant: names.get(hint.participantId)?.name ?? '?',
      scenario: hint.scenario,
      hint: hint.index + 1,
      at: hint.at.toISOString(),
      elapsedSeconds: Math.round(hint.elapsedMs / 1000)
    })),
    board
  }
}
