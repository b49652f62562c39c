import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toOutboxEntryResponse } from '../mappers/outbox-mapper.js'
import { AcceptedSchema, ErrorSchema } from '../schemas/errors.js'
import { OutboxEventParamsSchema, OutboxPageSchema, OutboxQuerySchema } from '../schemas/outbox.js'
import { actorOf } from './request-actor.js'

/** For operators: what the relay has sent, what it is retrying, what it gave up on. */
const outboxRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const outbox = fastify.outboxService

  fastify.get(
    '/events',
    { schema: { querystring: OutboxQuerySchema, response: { 200: OutboxPageSchema, 400: ErrorSchema } } },
    async (request) => {
      const { status, sku, ...page } = request.query
      const events = await outbox.list({ status, sku }, page)
      return { items: events.items.map(toOutboxEntryResponse), next: events.next }
    }
  )

  fastify.post(
    '/events/:id/retry',
    { schema: { params: OutboxEventParamsSchema, response: { 202: AcceptedSchema, 404: ErrorSchema, 409: ErrorSchema } } },
    async (request, reply) => {
      await outbox.retry(request.params.id, actorOf(request))
      return reply.code(202).send({ message: `Event ${request.params.id} will be delivered again` })
    }
  )
}

export default outboxRoutes
