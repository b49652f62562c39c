import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toBroadcastResponse } from '../mappers/responses.js'
import { BroadcastParamsSchema, BroadcastSchema, SendBroadcastSchema } from '../schemas/broadcasts.js'
import { ErrorSchema } from '../schemas/errors.js'
import type { BroadcastService } from '../services/broadcast-service.js'

const broadcastRoutes: FastifyPluginAsyncTypebox<{ broadcasts: BroadcastService }> = async (fastify, { broadcasts }) => {
  fastify.post(
    '/broadcasts',
    { schema: { body: SendBroadcastSchema, response: { 202: BroadcastSchema, 400: ErrorSchema, 422: ErrorSchema } } },
    async (request, reply) => {
      const { currency = 'EUR', variables = {}, recipients, ...body } = request.body
      const broadcast = await broadcasts.accept({
        ...body,
        currency,
        variables,
        recipients: recipients.map(({ variables = {}, ...recipient }) => ({ ...recipient, variables })),
        requestId: request.id,
        sentBy: request.apiClient ?? null
      })
      request.log.info({ broadcast: broadcast.id, template: broadcast.templateKey, channel: broadcast.channel, recipients: broadcast.messages.length }, 'broadcast accepted')
      return reply.code(202).send(toBroadcastResponse(broadcast))
    }
  )

  fastify.get(
    '/broadcasts/:id',
    { schema: { params: BroadcastParamsSchema, response: { 200: BroadcastSchema, 404: ErrorSchema } } },
    async (request) => {
      const broadcast = await broadcasts.get(request.params.id)
      if (!broadcast) throw fastify.httpErrors.notFound(`There is no broadcast ${request.params.id}`)
      return toBroadcastResponse(broadcast)
    }
  )
}

export default broadcastRoutes
