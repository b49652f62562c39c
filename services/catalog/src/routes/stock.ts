import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toProductResponse } from '../mappers/product-mapper.js'
import { toStockMovementResponse } from '../mappers/stock-mapper.js'
import { ErrorSchema } from '../schemas/errors.js'
import { HistoryPageQuerySchema } from '../schemas/pagination.js'
import { SkuParamsSchema } from '../schemas/products.js'
import { AdjustedStockSchema, StockAdjustmentSchema, StockMovementPageSchema } from '../schemas/stock.js'
import { actorOf } from './request-actor.js'

/** Registered under /products: the stock ledger of one product. */
const stockRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const stock = fastify.stockService

  fastify.post(
    '/:sku/stock-adjustments',
    {
      schema: {
        params: SkuParamsSchema,
        body: StockAdjustmentSchema,
        response: { 201: AdjustedStockSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema }
      }
    },
    async (request, reply) => {
      const { product, movement } = await stock.adjust(request.params.sku, request.body, actorOf(request))
      return reply.code(201).send({ product: toProductResponse(product), movement: toStockMovementResponse(movement) })
    }
  )

  fastify.get(
    '/:sku/stock-movements',
    {
      schema: {
        params: SkuParamsSchema,
        querystring: HistoryPageQuerySchema,
        response: { 200: StockMovementPageSchema, 400: ErrorSchema, 404: ErrorSchema }
      }
    },
    async (request) => {
      const page = await stock.movements(request.params.sku, request.query)
      return { items: page.items.map(toStockMovementResponse), next: page.next }
    }
  )
}

export default stockRoutes
