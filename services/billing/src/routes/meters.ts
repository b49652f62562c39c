import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toMeterResponse } from '../mappers/meter-mapper.js'
import { ErrorSchema } from '../schemas/errors.js'
import { CreateMeterSchema, MeterListSchema, MeterParamsSchema, MeterSchema, UpdateMeterSchema } from '../schemas/meters.js'

const meterRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const meters = fastify.meterService

  fastify.get('/meters', { schema: { response: { 200: MeterListSchema } } }, async () => (await meters.list()).map(toMeterResponse))

  fastify.get(
    '/meters/:code',
    { schema: { params: MeterParamsSchema, response: { 200: MeterSchema, 404: ErrorSchema } } },
    async (request) => toMeterResponse(await meters.get(request.params.code))
  )

  fastify.post(
    '/meters',
    { schema: { body: CreateMeterSchema, response: { 201: MeterSchema, 400: ErrorSchema, 409: ErrorSchema } } },
    async (request, reply) => {
      const meter = await meters.create({ ...request.body, createdBy: request.apiClient ?? null })
      request.log.info({ meter: meter.code, unitPriceCents: meter.unitPriceCents }, 'meter created')
      return reply.code(201).send(toMeterResponse(meter))
    }
  )

  fastify.patch(
    '/meters/:code',
    { schema: { params: MeterParamsSchema, body: UpdateMeterSchema, response: { 200: MeterSchema, 400: ErrorSchema, 404: ErrorSchema } } },
    async (request) => {
      const meter = await meters.update(request.params.code, request.body, request.apiClient ?? null)
      request.log.info({ meter: meter.code, changes: Object.keys(request.body) }, 'meter updated')
      return toMeterResponse(meter)
    }
  )
}

export default meterRoutes
