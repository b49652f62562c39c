import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Static, TSchema } from 'typebox'
import { Value } from 'typebox/value'
import type { Scenario, Track } from '@debug-drills/grader'
import { contractErrors } from '@debug-drills/workshop-contract'
import type { GradeJob } from './grading-queue.js'
import { bearerToken, hashToken } from './tokens.js'
import type { WorkshopEvents } from './workshop-events.js'
import type { Participant, Workshop, WorkshopDb } from './workshop-db.js'

export interface WorkshopAppOptions {
  db: WorkshopDb
  repoRoot: string
  /** The scenarios this server's checkout holds, by id. */
  catalog: ReadonlyMap<string, Scenario>
  /** The tracks a facilitator can create a workshop from, each with its drills in order. */
  tracks?: readonly Track[]
  /** The commit whose services count as pristine for submissions. */
  pristineBase: string
  events: Pick<WorkshopEvents, 'on' | 'off'>
  enqueue: (job: GradeJob) => Promise<void>
  gradeTimeoutMs: number
  /** Submissions a trainee may send per minute. */
  submissionsPerMinute: number
  /** How often open boards are refreshed without an event (for the clock and the freeze). */
  boardRefreshMs?: number
  logger?: boolean
}

export type AppContext = WorkshopAppOptions

/** An API error with the status to answer and a message that says what to do. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** A 400 for a request that does not follow the contract, naming the field and what is wrong. */
export function invalidRequest(problems: { field: string; message: string }[]): ApiError {
  return new ApiError(400, `The request is not valid: ${problems.map(({ field, message }) => `${field}: ${message}`).join('; ')}.`)
}

/** A request body checked against its schema in @debug-drills/workshop-contract, or a 400 that says what is wrong. */
export function parseRequest<T extends TSchema>(schema: T, value: unknown): Static<T> {
  if (Value.Check(schema, value)) return value
  throw invalidRequest(contractErrors(schema, value).map(({ field, message }) => ({ field: field || 'body', message })))
}

export async function requireFacilitator(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const token = bearerToken(request.headers.authorization)
  const found = token ? await ctx.db.facilitatorToken.findUnique({ where: { tokenHash: hashToken(token) } }) : null
  if (!found) {
    throw new ApiError(
      401,
      token
        ? 'That facilitator token is not known to this server. Use the token `drill serve` printed (also in .drill/serve/facilitator-token on the server).'
        : 'This needs the facilitator token: send it as `Authorization: Bearer <token>`. `drill serve` prints it at start.'
    )
  }
}

export async function requireTrainee(ctx: AppContext, request: FastifyRequest): Promise<{ participant: Participant; workshop: Workshop }> {
  const token = bearerToken(request.headers.authorization)
  const participant = token ? await ctx.db.participant.findUnique({ where: { tokenHash: hashToken(token) }, include: { workshop: true } }) : null
  if (!participant) {
    throw new ApiError(401, 'This needs a trainee token, and this one is not known here. Join the workshop first: `drill join <url> <code> --name <your name>`.')
  }
  const { workshop, ...rest } = participant
  if (participant.round !== workshop.round) {
    throw new ApiError(401, `"${workshop.title}" was reset for a new group since you joined. Ask the facilitator for the new code and run \`drill join\` again.`)
  }
  return { participant: rest, workshop }
}

export async function findWorkshop(ctx: AppContext, id: string): Promise<Workshop> {
  const workshop = await ctx.db.workshop.findUnique({ where: { id } })
  if (!workshop) throw new ApiError(404, `There is no workshop "${id}" on this server.`)
  return workshop
}

/** A server-sent events stream on a hijacked reply; `close` runs once when the client goes. */
export function openEventStream(request: FastifyRequest, reply: FastifyReply, onClose: () => void): (event: string, data: unknown) => void {
  reply.hijack()
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no'
  })
  reply.raw.write(': connected\n\n')
  const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 15_000)
  let closed = false
  request.raw.on('close', () => {
    if (closed) return
    closed = true
    clearInterval(keepAlive)
    onClose()
  })
  return (event, data) => {
    if (!closed) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
}
