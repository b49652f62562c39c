import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toTaxRateResponse } from '../mappers/tax-rate-mapper.js'
import { CustomerParamsSchema } from '../schemas/common.js'
import { ErrorSchema } from '../schemas/errors.js'
import { SetTaxRateSchema, TaxRateSchema } from '../schemas/tax-rates.js'

const taxRateRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const taxes = fastify.taxService

  fastify.get(
    '/customers/:customerId/tax-rate',
    { schema: { params: CustomerParamsSchema, response: { 200: TaxRateSchema, 400: ErrorSchema } } },
    async (request) => toTaxRateResponse(await taxes.get(request.params.customerId))
  )

  fastify.put(
    '/customers/:customerId/tax-rate',
    { schema: { params: CustomerParamsSchema, body: SetTaxRateSchema, response: { 200: TaxRateSchema, 400: ErrorSchema } } },
    async (request) => {
      const tax = await taxes.set(request.params.customerId, request.body.ratePercent, request.apiClient ?? null)
      request.log.info({ customerId: tax.customerId, ratePercent: tax.rate.toString() }, 'tax rate set')
      return toTaxRateResponse(tax)
    }
  )
}

export default taxRateRoutes
