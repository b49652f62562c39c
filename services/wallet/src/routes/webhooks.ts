import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorSchema } from '../schemas/errors.js'
import { DeliveryResultSchema, ProviderEventSchema } from '../schemas/webhooks.js'

/**
 * The payment provider's webhook. It answers as soon as the event is in the inbox; the inbox
 * worker applies it. The provider delivers each event at least once and retries until it gets
 * a 2xx, so the same event may arrive several times, even at once.
 */
const webhookRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/payments', { schema: { body: ProviderEventSchema, response: { 200: DeliveryResultSchema, 400: ErrorSchema } } }, async (request) => {
    const { id, type, createdAt, data } = request.body
    const outcome = await fastify.inbox.receive({ eventId: id, type, occurredAt: new Date(createdAt), ...data })
    request.log.info({ eventId: id, eventType: type, customerId: data.customerId, outcome }, 'provider event received')
    return { received: true as const, outcome }
  })
}

export default webhookRoutes
