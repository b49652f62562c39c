import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Product } from '../generated/prisma/client.js'
import { ErrorSchema } from '../schemas/errors.js'
import {
  CreateProductSchema,
  ListProductsQuerySchema,
  ProductListSchema,
  ProductSchema,
  SkuParamsSchema,
  UpdateProductSchema,
  type ProductResponse
} from '../schemas/products.js'

function toResponse(product: Product): ProductResponse {
  return {
    sku: product.sku,
    name: product.name,
    description: product.description,
    category: product.category,
    priceCents: product.priceCents,
    stock: product.stock,
    active: product.active,
    updatedAt: product.updatedAt.toISOString()
  }
}

const productRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const products = fastify.productsRepository

  fastify.get('/', { schema: { querystring: ListProductsQuerySchema, response: { 200: ProductListSchema } } }, async (request) => {
    const page = await products.listActive(request.query)
    const last = page.at(-1)
    return { products: page.map(toResponse), next: page.length === request.query.limit && last ? last.sku : null }
  })

  fastify.get(
    '/:sku',
    { schema: { params: SkuParamsSchema, response: { 200: ProductSchema, 404: ErrorSchema } } },
    async (request) => toResponse(await products.findBySku(request.params.sku))
  )

  fastify.post(
    '/',
    { schema: { body: CreateProductSchema, response: { 201: ProductSchema, 400: ErrorSchema, 409: ErrorSchema } } },
    async (request, reply) => {
      const product = await products.create(request.body)
      request.log.info({ sku: product.sku }, 'product created')
      return reply.code(201).send(toResponse(product))
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
    async (request) => {
      const product = await products.update(request.params.sku, request.body)
      request.log.info({ sku: product.sku, fields: Object.keys(request.body) }, 'product updated')
      return toResponse(product)
    }
  )
}

export default productRoutes
