import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CategoryListSchema } from '../schemas/products.js'

const categoryRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/', { schema: { response: { 200: CategoryListSchema } } }, async () => fastify.productsRepository.categories())
}

export default categoryRoutes
