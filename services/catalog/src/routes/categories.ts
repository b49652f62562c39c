import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorSchema } from '../schemas/errors.js'
import { CategoryListQuerySchema, CategoryListSchema, CategoryPageSchema, CategoryParamsSchema } from '../schemas/categories.js'

const categoryRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const categories = fastify.categoryService

  fastify.get(
    '/',
    { schema: { querystring: CategoryListQuerySchema, response: { 200: CategoryListSchema, 400: ErrorSchema } } },
    async (request) => categories.summary(request.query.sort)
  )

  fastify.get(
    '/:category',
    { schema: { params: CategoryParamsSchema, response: { 200: CategoryPageSchema, 400: ErrorSchema, 404: ErrorSchema } } },
    async (request) => categories.get(request.params.category)
  )
}

export default categoryRoutes
