import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { clientErrors, ErrorSchema, IdParamsSchema } from '../../schemas/common.js'
import { OutboxStatsSchema } from '../../schemas/outbox.js'

/** For operators: how far the webhook deliveries are behind, and a retry for parked events. */
const outboxRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/stats', { schema: { response: { 200: OutboxStatsSchema, ...clientErrors } } }, async () => {
    const stats = await fastify.outboxAdmin.stats()
    return { ...stats, oldestPendingAt: stats.oldestPendingAt?.toISOString() ?? null, relayRunning: fastify.outboxRelay !== null }
  })

  fastify.post(
    '/events/:id/retry',
    { schema: { params: IdParamsSchema, response: { 202: Type.Null(), ...clientErrors, 404: ErrorSchema, 409: ErrorSchema } } },
    async (request, reply) => {
      await fastify.outboxAdmin.retry(request.params.id, request.apiClient)
      return reply.code(202).send(null)
    }
  )
}

export default outboxRoutes
