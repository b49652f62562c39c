import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toCustomerSummaryResponse } from '../../mappers/order-mapper.js'
import { clientErrors } from '../../schemas/common.js'
import { CustomerParamsSchema, CustomerSummarySchema } from '../../schemas/customers.js'

const customerRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/:customerId/order-summary',
    { schema: { params: CustomerParamsSchema, response: { 200: CustomerSummarySchema, ...clientErrors } } },
    async (request) => toCustomerSummaryResponse(await fastify.orderQueries.customerSummary(request.params.customerId))
  )
}

export default customerRoutes
