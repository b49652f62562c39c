import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { OrderWithLines } from '../plugins/orders-repository.js'
import { ErrorSchema } from '../schemas/errors.js'
import {
  ChangeStatusSchema,
  CreateOrderSchema,
  ListOrdersQuerySchema,
  OrderListSchema,
  OrderParamsSchema,
  OrderSchema,
  type OrderResponse
} from '../schemas/orders.js'

function toResponse(order: OrderWithLines): OrderResponse {
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    totalCents: order.totalCents,
    lines: order.lines.map(({ sku, quantity, unitPriceCents }) => ({ sku, quantity, unitPriceCents })),
    createdAt: order.createdAt.toISOString()
  }
}

const orderRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const orders = fastify.ordersRepository

  fastify.post('/', { schema: { body: CreateOrderSchema, response: { 201: OrderSchema, 400: ErrorSchema } } }, async (request, reply) => {
    const order = await orders.create(request.body)
    request.log.info({ orderId: order.id, customerId: order.customerId, totalCents: order.totalCents }, 'order placed')
    return reply.code(201).send(toResponse(order))
  })

  fastify.get('/', { schema: { querystring: ListOrdersQuerySchema, response: { 200: OrderListSchema } } }, async (request) => {
    const page = await orders.list(request.query)
    const last = page.at(-1)
    return { orders: page.map(toResponse), next: page.length === request.query.limit && last ? last.id : null }
  })

  fastify.get(
    '/:id',
    { schema: { params: OrderParamsSchema, response: { 200: OrderSchema, 404: ErrorSchema } } },
    async (request) => toResponse(await orders.findById(request.params.id))
  )

  fastify.post(
    '/:id/status',
    { schema: { params: OrderParamsSchema, body: ChangeStatusSchema, response: { 200: OrderSchema, 404: ErrorSchema, 409: ErrorSchema } } },
    async (request) => {
      const order = await orders.changeStatus(request.params.id, request.body.status)
      request.log.info({ orderId: order.id, status: order.status }, 'order status changed')
      return toResponse(order)
    }
  )

  fastify.delete(
    '/:id',
    { schema: { params: OrderParamsSchema, response: { 204: Type.Null(), 404: ErrorSchema } } },
    async (request, reply) => {
      await orders.archive(request.params.id)
      return reply.code(204).send(null)
    }
  )
}

export default orderRoutes
