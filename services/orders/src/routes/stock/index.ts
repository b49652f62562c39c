import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toStockLevelResponse } from '../../mappers/stock-mapper.js'
import { clientErrors, ErrorSchema } from '../../schemas/common.js'
import { SetStockSchema, SkuParamsSchema, StockLevelSchema } from '../../schemas/stock.js'

const stockRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { stockService } = fastify

  fastify.get(
    '/:sku',
    { schema: { params: SkuParamsSchema, response: { 200: StockLevelSchema, ...clientErrors, 404: ErrorSchema } } },
    async (request) => toStockLevelResponse(await stockService.level(request.params.sku))
  )

  fastify.put(
    '/:sku',
    { schema: { params: SkuParamsSchema, body: SetStockSchema, response: { 200: StockLevelSchema, ...clientErrors } } },
    async (request) => toStockLevelResponse(await stockService.set(request.params.sku, request.body.available))
  )
}

export default stockRoutes
