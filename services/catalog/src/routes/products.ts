import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toPriceChangeResponse, toProductResponse } from '../mappers/product-mapper.js'
import { ErrorSchema } from '../schemas/errors.js'
import { HistoryPageQuerySchema } from '../schemas/pagination.js'
import {
  CreateProductSchema,
  ListProductsQuerySchema,
  PriceHistorySchema,
  ProductListSchema,
  ProductSchema,
  SkuParamsSchema,
  UpdateProductSchema
} from '../schemas/products.js'
import { actorOf } from './request-actor.js'

const productRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const products = fastify.productService

  fastify.get(
    '/',
    { schema: { querystring: ListProductsQuerySchema, response: { 200: ProductListSchema, 400: ErrorSchema } } },
    async (request) => {
      const page = await products.listStorefront(request.query)
      const last = page.at(-1)
      return { products: page.map(toProductResponse), next: page.length === request.query.limit && last ? last.sku : null }
    }
  )

  fastify.get(
    '/:sku',
    { schema: { params: SkuParamsSchema, response: { 200: ProductSchema, 404: ErrorSchema } } },
    async (request) => toProductResponse(await products.get(request.params.sku))
  )

  fastify.post(
    '/',
    { schema: { body: CreateProductSchema, response: { 201: ProductSchema, 400: ErrorSchema, 409: ErrorSchema } } },
    async (request, reply) => {
      const product = await products.create(request.body, actorOf(request))
      return reply.code(201).send(toProductResponse(product))
    }
  )

  fastify.patch(
    '/:sku',
    {
      schema: {
        params: SkuParamsSchema,
        body: UpdateProductSchema,
        response: { 200: ProductSchema, 400: ErrorSchema, 404: ErrorSchema }
      }
    },
    async (request) => toProductResponse(await products.update(request.params.sku, request.body, actorOf(request)))
  )

  fastify.get(
    '/:sku/price-history',
    {
      schema: {
        params: SkuParamsSchema,
        querystring: HistoryPageQuerySchema,
        response: { 200: PriceHistorySchema, 400: ErrorSchema, 404: ErrorSchema }
      }
    },
    async (request) => {
      const page = await products.priceHistory(request.params.sku, request.query)
      return { items: page.items.map(toPriceChangeResponse), next: page.next }
    }
  )
}

export default productRoutes
