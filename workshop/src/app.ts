import Fastify, { type FastifyError, type FastifyInstance, type RouteOptions } from 'fastify'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { ApiError, invalidRequest, type AppContext, type WorkshopAppOptions } from './app-context.js'
import { api, routeSchema } from '@debug-drills/workshop-contract'
import { BoardHub, registerBoardRoutes } from './board-routes.js'
import { FailureThrottle } from './failure-throttle.js'
import { registerFacilitatorRoutes } from './facilitator-routes.js'
import { formatKilobytes, MAX_DIFF_BYTES, MAX_REQUEST_BYTES, SubmissionRejected, tooLargeAdvice } from './submission-diff.js'
import { registerTraineeRoutes } from './trainee-routes.js'

export type { WorkshopAppOptions } from './app-context.js'

/** An over-limit body up to this size is read to its end before the 413, so the client receives it; a larger one has the connection closed. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024

/**
 * The workshop server's HTTP side: the facilitator's API and page, the trainees' API, and the
 * board. Grading happens elsewhere (workers on the queue); this only records and shows.
 */
export async function buildWorkshopApp(options: WorkshopAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_REQUEST_BYTES, forceCloseConnections: true }).setValidatorCompiler(TypeBoxValidatorCompiler)
  app.addHook('onRoute', requireContractSchema)
  const ctx: AppContext = options
  const hub = new BoardHub(ctx, options.boardRefreshMs ?? 10_000)
  app.addHook('onClose', async () => hub.close())

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError || error instanceof SubmissionRejected) return reply.code(error.statusCode).send({ error: error.message })
    const validation = (error as FastifyError).validation
    if (validation) {
      const part = (error as FastifyError).validationContext ?? 'request'
      const problems = validation.map((issue) => ({ field: `${part}${issue.instancePath.replaceAll('/', '.')}`, message: issue.message ?? 'is not valid' }))
      return reply.code(400).send({ error: invalidRequest(problems).message })
    }
    const status = (error as { statusCode?: number }).statusCode
    if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const declared = Number(request.headers['content-length'])
      // Fastify closes the connection here, under a client that may still be sending: over a
      // real network the client then sees a reset instead of this answer. Up to a bound, the
      // rest of the body is read and dropped, so the answer arrives (Node discards it).
      if (Number.isSafeInteger(declared) && declared <= MAX_DRAINED_BYTES) reply.removeHeader('connection')
      const size = Number.isSafeInteger(declared) ? `is ${formatKilobytes(declared)}` : 'is larger than that'
      return reply.code(413).send({
        error: `The submission is too large: this server reads requests of up to ${formatKilobytes(MAX_REQUEST_BYTES)} (a diff of up to ${formatKilobytes(MAX_DIFF_BYTES)}), and this one ${size}. ${tooLargeAdvice()}`
      })
    }
    if (status && status < 500) return reply.code(status).send({ error: (error as Error).message })
    if (isDatabaseUnavailable(error)) {
      request.log.warn('the workshop database is unavailable')
      return reply.code(503).header('retry-after', 5).send({ error: 'The workshop database is unavailable; the server keeps retrying. Try again in a few seconds.' })
    }
    request.log.error(error)
    return reply.code(500).send({ error: 'The workshop server failed on this request; this is a bug in drill. The server log has the details.' })
  })
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `Nothing at ${request.method} ${request.url}.` }))

  await app.register(helmet, {
    // The pages load only their own scripts and styles; the server speaks plain HTTP on a LAN,
    // so nothing may ask the browser to switch to HTTPS.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null
      }
    },
    strictTransportSecurity: false
  })
  await app.register(rateLimit, { global: false })

  // Wrong tokens and join codes, per address: after 30 in a minute, that address waits.
  const failures = new FailureThrottle()
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return
    const waitMs = failures.retryAfterMs(request.ip)
    if (waitMs > 0) {
      return reply
        .code(429)
        .header('retry-after', Math.ceil(waitMs / 1000))
        .send({ error: `Too many wrong tokens or join codes from this address; try again in ${Math.ceil(waitMs / 1000)} s.` })
    }
  })
  app.addHook('onResponse', async (request, reply) => {
    const wrongCode = reply.statusCode === 404 && request.routeOptions.url === '/api/join'
    const wrongToken = reply.statusCode === 401 && request.headers.authorization !== undefined
    if (wrongToken || wrongCode) failures.record(request.ip)
  })
  app.withTypeProvider<TypeBoxTypeProvider>().get(api.health.url, { schema: routeSchema(api.health) }, async (_request, reply) => {
    const database = await Promise.race([
      ctx.db.$queryRaw`SELECT 1`.then(
        () => 'up',
        () => 'unavailable'
      ),
      new Promise<string>((resolve) => setTimeout(() => resolve('unavailable'), 2_000).unref())
    ])
    return reply.code(database === 'up' ? 200 : 503).send({ ok: database === 'up', database })
  })
  registerFacilitatorRoutes(app, ctx)
  registerTraineeRoutes(app, ctx)
  registerBoardRoutes(app, ctx, hub)
  return app
}

/** Refuses an `/api/` route that @debug-drills/workshop-contract does not describe, so that no answer goes out unchecked. */
export function requireContractSchema(route: RouteOptions): void {
  if (!route.url.startsWith('/api/') || route.method === 'HEAD') return
  const response = route.schema?.response as Record<string, unknown> | undefined
  if (!response || !Object.keys(response).some((status) => status.startsWith('2'))) {
    throw new Error(`${String(route.method)} ${route.url} has no answer schema: describe it in packages/workshop-contract/src/index.ts.`)
  }
}

const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024'])
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist'])

/** Whether an error says the database cannot be reached (down, restarting, out of connections), not that a query is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const known = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } }; message?: string }
  if (known.code && UNREACHABLE_CODES.has(known.code)) return true
  const kind = known.meta?.driverAdapterError?.cause?.kind
  if (kind && UNREACHABLE_KINDS.has(kind)) return true
  return /Can't reach database server/.test(known.message ?? '')
}
