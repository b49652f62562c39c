import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toDeliveryResponse } from '../mappers/responses.js'
import { ErrorSchema } from '../schemas/errors.js'
import { DeliveryParamsSchema, DeliverySchema, SendNotificationSchema } from '../schemas/notifications.js'
import type { NotificationService } from '../services/notification-service.js'

const notificationRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationService }> = async (fastify, { notifications }) => {
  fastify.post(
    '/notifications',
    { schema: { body: SendNotificationSchema, response: { 201: DeliverySchema, 400: ErrorSchema, 422: ErrorSchema } } },
    async (request, reply) => {
      const { currency = 'EUR', ...body } = request.body
      const delivery = await notifications.send({ ...body, currency, requestId: request.id, sentBy: request.apiClient ?? null })
      request.log.info({ delivery: delivery.id, template: delivery.templateKey, channel: delivery.channel, costCents: delivery.costCents }, 'notification sent')
      return reply.code(201).send(toDeliveryResponse(delivery))
    }
  )

  fastify.get(
    '/notifications/:id',
    { schema: { params: DeliveryParamsSchema, response: { 200: DeliverySchema, 404: ErrorSchema } } },
    async (request) => {
      const delivery = await notifications.getDelivery(request.params.id)
      if (!delivery) throw fastify.httpErrors.notFound(`There is no notification ${request.params.id}`)
      return toDeliveryResponse(delivery)
    }
  )
}

export default notificationRoutes
