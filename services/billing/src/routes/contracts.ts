import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toContractResponse, toContractTermsResponse } from '../mappers/contract-mapper.js'
import { CustomerParamsSchema } from '../schemas/common.js'
import { ContractParamsSchema, ContractSchema, ContractTermsSchema, SetContractTermsSchema } from '../schemas/contracts.js'
import { ErrorSchema } from '../schemas/errors.js'

const contractRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const contracts = fastify.contractService

  fastify.get(
    '/customers/:customerId/contract',
    { schema: { params: CustomerParamsSchema, response: { 200: ContractSchema, 400: ErrorSchema } } },
    async (request) => toContractResponse(request.params.customerId, await contracts.list(request.params.customerId))
  )

  fastify.put(
    '/customers/:customerId/contract/:meter',
    { schema: { params: ContractParamsSchema, body: SetContractTermsSchema, response: { 200: ContractTermsSchema, 400: ErrorSchema, 404: ErrorSchema } } },
    async (request) => {
      const { customerId, meter } = request.params
      const terms = await contracts.set(customerId, meter, request.body, request.apiClient ?? null)
      request.log.info({ customerId, meter, unitPriceCents: terms.unitPriceCents, includedUnits: terms.includedUnits }, 'contract terms set')
      return toContractTermsResponse(terms)
    }
  )
}

export default contractRoutes
