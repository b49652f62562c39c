import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toOrderResponse } from '../../mappers/order-mapper.js'
import { CheckoutHeadersSchema, CheckoutSchema } from '../../schemas/checkouts.js'
import { clientErrors, ErrorSchema } from '../../schemas/common.js'
import { OrderSchema } from '../../schemas/orders.js'

const checkoutRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/',
    {
      schema: {
        headers: CheckoutHeadersSchema,
        body: CheckoutSchema,
        response: { 200: OrderSchema, 201: OrderSchema, ...clientErrors, 409: ErrorSchema, 422: ErrorSchema, 503: ErrorSchema }
      }
    },
    async (request, reply) => {
      const { order, replayed } = await fastify.checkoutService.checkout({
        ...request.body,
        placedBy: request.apiClient,
        idempotencyKey: request.headers['idempotency-key']
      })
      return reply.code(replayed ? 200 : 201).send(toOrderResponse(order))
    }
  )
}

export default checkoutRoutes
