import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { toOrderListResponse, toOrderResponse, toStatusChangeResponse } from '../../mappers/order-mapper.js'
import { clientErrors, ErrorSchema, IdParamsSchema } from '../../schemas/common.js'
import {
  BatchStatusChangeResultSchema,
  BatchStatusChangeSchema,
  ChangeStatusSchema,
  CreateOrderHeadersSchema,
  CreateOrderSchema,
  ListOrdersQuerySchema,
  OrderListSchema,
  OrderSchema,
  StatusChangeListSchema
} from '../../schemas/orders.js'

const orderRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { orderService, orderQueries } = fastify

  fastify.post(
    '/',
    {
      schema: {
        headers: CreateOrderHeadersSchema,
        body: CreateOrderSchema,
        response: { 200: OrderSchema, 201: OrderSchema, ...clientErrors, 422: ErrorSchema }
      }
    },
    async (request, reply) => {
      const { order, replayed } = await orderService.place({
        ...request.body,
        placedBy: request.apiClient,
        idempotencyKey: request.headers['idempotency-key']
      })
      return reply.code(replayed ? 200 : 201).send(toOrderResponse(order))
    }
  )

  fastify.get('/', { schema: { querystring: ListOrdersQuerySchema, response: { 200: OrderListSchema, ...clientErrors } } }, async (request) => {
    const { limit, before, ...filter } = request.query
    return toOrderListResponse(await orderQueries.list(filter, { limit, before }))
  })

  fastify.get(
    '/:id',
    { schema: { params: IdParamsSchema, response: { 200: OrderSchema, ...clientErrors, 404: ErrorSchema } } },
    async (request) => toOrderResponse(await orderQueries.get(request.params.id))
  )

  fastify.get(
    '/:id/status-changes',
    { schema: { params: IdParamsSchema, response: { 200: StatusChangeListSchema, ...clientErrors, 404: ErrorSchema } } },
    async (request) => ({ changes: (await orderQueries.statusChanges(request.params.id)).map(toStatusChangeResponse) })
  )

  fastify.post(
    '/:id/status',
    {
      schema: {
        params: IdParamsSchema,
        body: ChangeStatusSchema,
        response: { 200: OrderSchema, ...clientErrors, 404: ErrorSchema, 409: ErrorSchema }
      }
    },
    async (request) => toOrderResponse(await orderService.changeStatus(request.params.id, request.body, request.apiClient))
  )

  fastify.post(
    '/status-batch',
    { schema: { body: BatchStatusChangeSchema, response: { 200: BatchStatusChangeResultSchema, ...clientErrors } } },
    async (request) => {
      const { ids, ...change } = request.body
      return orderService.changeStatuses(ids, change, request.apiClient)
    }
  )

  fastify.delete(
    '/:id',
    { schema: { params: IdParamsSchema, response: { 204: Type.Null(), ...clientErrors, 404: ErrorSchema } } },
    async (request, reply) => {
      await orderService.archive(request.params.id, request.apiClient)
      return reply.code(204).send(null)
    }
  )
}

export default orderRoutes
