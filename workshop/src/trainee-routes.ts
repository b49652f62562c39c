import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { hintCost } from '@debug-drills/grader'
import { workspacePristineService } from './pristine.js'
import { entrantOf } from './board.js'
import { phase, workshopElapsedMs } from './clock.js'
import { ApiError, openEventStream, parseRequest, requireTrainee, type AppContext } from './app-context.js'
import { api, routeSchema, type SubmissionEvent, type SubmissionView } from '@debug-drills/workshop-contract'
import { checkSubmissionDiff } from './submission-diff.js'
import { storedReport } from './grading-queue.js'
import { bearerToken, hashToken, newToken } from './tokens.js'
import { announce, type Submission, type Workshop, type WorkshopEvent } from './workshop-db.js'
import { joinRequest, scoringRules } from './workshop-settings.js'
import { workshopView } from './facilitator-routes.js'
import { Prisma } from './generated/workshop-db/client.js'

function submissionView(submission: Omit<Submission, 'diff'>): SubmissionView {
  return {
    id: submission.id,
    scenario: submission.scenario,
    status: submission.status,
    submittedAt: submission.submittedAt.toISOString(),
    elapsedMs: submission.elapsedMs,
    gradedAt: submission.gradedAt?.toISOString() ?? null,
    attempts: submission.attempts,
    report: storedReport(submission.report)
  }
}

const FINAL = new Set(['passed', 'failed', 'error'])

function requireScenario(workshop: Workshop, scenario: string): void {
  if (!workshop.scenarios.includes(scenario)) {
    throw new ApiError(422, `"${scenario}" is not part of "${workshop.title}". Its scenarios: ${workshop.scenarios.join(', ')}.`)
  }
}

function closedBecause(workshop: Workshop): string | undefined {
  switch (phase(workshop)) {
    case 'draft':
      return `"${workshop.title}" has not started yet: wait for the facilitator to start it.`
    case 'paused':
      return `"${workshop.title}" is paused: submit again when the facilitator resumes it.`
    case 'time-up':
    case 'ended':
      return `"${workshop.title}" is over: no more submissions are graded.`
    case 'running':
      return undefined
  }
}

export function registerTraineeRoutes(server: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  // Each join is a new trainee with a submission allowance of its own: joins are limited per address too.
  app.post(api.join.url, { schema: routeSchema(api.join), config: { rateLimit: { max: 120, timeWindow: 60_000 } } }, async (request, reply) => {
    const input = joinRequest(parseRequest(api.join.body, request.body))
    const workshop = await db.workshop.findUnique({ where: { joinCode: input.code } })
    if (!workshop) throw new ApiError(404, `No workshop has the code ${input.code}. Check it on the board or with the facilitator; codes change when a workshop is reset.`)
    if (workshop.status === 'ended') throw new ApiError(409, `"${workshop.title}" has ended; ask the facilitator for the next one.`)
    if (workshop.mode === 'team' && !input.team) throw new ApiError(422, `"${workshop.title}" is played in teams: join with --team <team name>.`)
    const token = newToken('trainee')
    try {
      const participant = await db.participant.create({
        data: { workshopId: workshop.id, round: workshop.round, name: input.name, team: workshop.mode === 'team' ? (input.team ?? null) : null, tokenHash: hashToken(token) }
      })
      await announce(db, { kind: 'workshop', workshopId: workshop.id })
      reply.code(201)
      return { token, participant: { id: participant.id, name: participant.name, team: participant.team }, workshop: workshopView(workshop) }
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ApiError(409, `Someone called "${input.name}" has already joined "${workshop.title}". Join under another name.`)
      }
      throw error
    }
  })

  app.get(api.me.url, { schema: routeSchema(api.me) }, async (request) => {
    const { participant, workshop } = await requireTrainee(ctx, request)
    const submissions = await db.submission.findMany({ where: { participantId: participant.id }, omit: { diff: true }, orderBy: { submittedAt: 'asc' } })
    return {
      participant: { id: participant.id, name: participant.name, team: participant.team },
      workshop: workshopView(workshop),
      submissions: submissions.map(submissionView)
    }
  })

  app.post(
    api.submit.url,
    {
      schema: routeSchema(api.submit),
      config: {
        rateLimit: {
          max: ctx.submissionsPerMinute,
          timeWindow: 60_000,
          keyGenerator: (request) => hashToken(bearerToken(request.headers.authorization) ?? request.ip),
          errorResponseBuilder: (_request, context) =>
            new ApiError(
              429,
              `Too many submissions: ${context.max} a minute per trainee. Wait ${context.after} and submit again; each one is graded in full, so check locally with \`drill check\` first.`
            )
        }
      }
    },
    async (request, reply) => {
      const { participant, workshop } = await requireTrainee(ctx, request)
      const input = parseRequest(api.submit.body, request.body)
      requireScenario(workshop, input.scenario)
      const closed = closedBecause(workshop)
      if (closed) throw new ApiError(409, closed)
      const entrant = entrantOf(workshop, participant)
      const scope = { workshopId: workshop.id, round: workshop.round, scenario: input.scenario }
      const solved = await db.submission.findFirst({ where: { ...scope, entrant, status: 'passed' } })
      if (solved) throw new ApiError(409, `${workshop.mode === 'team' ? 'Your team has' : 'You have'} already solved ${input.scenario}. Pick another scenario from the board.`)
      const pending = await db.submission.findFirst({ where: { ...scope, participantId: participant.id, status: { in: ['queued', 'grading'] } } })
      if (pending) throw new ApiError(409, `Your previous submission for ${input.scenario} is still being graded (${pending.id}). Wait for its verdict, then submit again.`)
      const scenario = ctx.catalog.get(input.scenario)
      if (!scenario) throw new ApiError(422, `This server cannot grade "${input.scenario}".`)
      const pristineDir = await workspacePristineService(ctx.repoRoot, ctx.pristineBase, scenario)
      // What is graded is the diff as checked (with plain line ends when it came with Windows ones).
      const { diff } = await checkSubmissionDiff({ repoRoot: ctx.repoRoot, service: scenario.service, pristineDir, diff: input.diff })

      const submission = await db.submission.create({
        data: { ...scope, participantId: participant.id, entrant, diff, elapsedMs: workshopElapsedMs(workshop) },
        omit: { diff: true }
      })
      try {
        await ctx.enqueue({ submissionId: submission.id, timeoutMs: ctx.gradeTimeoutMs })
      } catch (error) {
        await db.submission.delete({ where: { id: submission.id } })
        throw new ApiError(503, `The grading queue did not take the submission (${(error as Error).message}). Nothing was recorded; submit again.`)
      }
      await announce(db, { kind: 'submission', workshopId: workshop.id, submissionId: submission.id, status: 'queued' })
      reply.code(202)
      return submissionView(submission)
    }
  )

  const ownSubmission = async (request: FastifyRequest, id: string) => {
    const { participant } = await requireTrainee(ctx, request)
    const submission = await db.submission.findUnique({ where: { id }, omit: { diff: true } })
    if (!submission || submission.participantId !== participant.id) throw new ApiError(404, `You have no submission ${id}.`)
    return submission
  }

  app.get(api.submission.url, { schema: routeSchema(api.submission) }, async (request) => submissionView(await ownSubmission(request, request.params.id)))

  app.get(api.submissionEvents.url, { schema: routeSchema(api.submissionEvents) }, async (request, reply) => {
    const first = await ownSubmission(request, request.params.id)
    const queuePosition = async (submission: Omit<Submission, 'diff'>) =>
      submission.status === 'queued' ? await db.submission.count({ where: { status: 'queued', submittedAt: { lte: submission.submittedAt } } }) : null
    let last = ''
    const push = async () => {
      const submission = await db.submission.findUnique({ where: { id: first.id }, omit: { diff: true } })
      if (!submission) return
      const view: SubmissionEvent = { ...submissionView(submission), queuePosition: await queuePosition(submission) }
      const key = `${view.status}:${view.queuePosition}`
      if (key === last) return
      last = key
      send('submission', view)
      if (FINAL.has(submission.status)) reply.raw.end()
    }
    // Its own changes, and while it waits, anyone's: a verdict elsewhere moves it up the queue.
    const onEvent = (event: WorkshopEvent) => {
      if (event.kind !== 'submission' || (event.submissionId !== first.id && !last.startsWith('queued:'))) return
      push().catch((error: Error) => request.log.error(error))
    }
    const send = openEventStream(request, reply, () => ctx.events.off('event', onEvent))
    ctx.events.on('event', onEvent)
    await push()
  })

  app.post(api.hint.url, { schema: routeSchema(api.hint) }, async (request) => {
    const { participant, workshop } = await requireTrainee(ctx, request)
    const { scenario: scenarioId } = parseRequest(api.hint.body, request.body)
    requireScenario(workshop, scenarioId)
    if (workshop.status === 'draft') throw new ApiError(409, `"${workshop.title}" has not started yet.`)
    if (['time-up', 'ended'].includes(phase(workshop))) {
      throw new ApiError(409, `"${workshop.title}" is over, and so are its hints. \`drill leave\`, then \`drill hint\` shows them locally.`)
    }
    const scenario = ctx.catalog.get(scenarioId)
    if (!scenario) throw new ApiError(422, `This server has no hints for "${scenarioId}".`)
    const entrant = entrantOf(workshop, participant)
    const where = { workshopId: workshop.id, round: workshop.round, entrant, scenario: scenarioId }
    const elapsedMs = workshopElapsedMs(workshop)
    const rules = scoringRules(workshop.scoring)
    const taken = await db.hintUse.count({ where })
    const next = scenario.hints[taken]
    if (!next) return { outcome: 'exhausted' as const, total: scenario.hints.length, hints: scenario.hints.map((hint) => hint.text) }
    const opensAtMs = next.availableAfterMinutes * 60_000
    if (elapsedMs < opensAtMs) return { outcome: 'gated' as const, index: taken, total: scenario.hints.length, elapsedMs, opensInMs: opensAtMs - elapsedMs }
    try {
      await db.hintUse.create({ data: { ...where, participantId: participant.id, index: taken, elapsedMs } })
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ApiError(409, 'A teammate took this hint at the same moment; ask again for the next one.')
      }
      throw error
    }
    await announce(db, { kind: 'workshop', workshopId: workshop.id })
    return { outcome: 'shown' as const, index: taken, total: scenario.hints.length, text: next.text, cost: hintCost(scenario, taken, rules), elapsedMs }
  })
}
