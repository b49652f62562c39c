import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CategoryListSchema } from '../schemas/categories.js'

const categoryRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/', { schema: { response: { 200: CategoryListSchema } } }, async () => fastify.categoryService.summary())
}

export default categoryRoutes
