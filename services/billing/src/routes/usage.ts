import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toUsageReportResponse, toUsageResponse, toUsageSummaryResponse } from '../mappers/usage-mapper.js'
import { CustomerParamsSchema } from '../schemas/common.js'
import { ErrorSchema } from '../schemas/errors.js'
import { RecordUsageSchema, UsageListQuerySchema, UsagePageSchema, UsageSchema, UsageReportQuerySchema, UsageReportSchema, UsageSummaryQuerySchema, UsageSummarySchema } from '../schemas/usage.js'

const usageRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const usage = fastify.usageService

  fastify.post(
    '/usage',
    { schema: { body: RecordUsageSchema, response: { 200: UsageSchema, 201: UsageSchema, 400: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema } } },
    async (request, reply) => {
      const { event, replayed } = await usage.record({ ...request.body, occurredAt: new Date(request.body.occurredAt) }, request.apiClient ?? null)
      if (replayed) request.log.info({ usageId: event.id, idempotencyKey: event.idempotencyKey }, 'usage replayed')
      return reply.code(replayed ? 200 : 201).send(toUsageResponse(event))
    }
  )

  fastify.get(
    '/customers/:customerId/usage',
    { schema: { params: CustomerParamsSchema, querystring: UsageListQuerySchema, response: { 200: UsagePageSchema, 400: ErrorSchema } } },
    async (request) => {
      const { items, nextCursor } = await usage.list(request.params.customerId, request.query)
      return { items: items.map(toUsageResponse), nextCursor }
    }
  )

  fastify.get(
    '/customers/:customerId/usage/summary',
    { schema: { params: CustomerParamsSchema, querystring: UsageSummaryQuerySchema, response: { 200: UsageSummarySchema, 400: ErrorSchema } } },
    async (request) => toUsageSummaryResponse(await usage.summary(request.params.customerId, request.query.period))
  )

  fastify.get(
    '/customers/:customerId/usage/report',
    { schema: { params: CustomerParamsSchema, querystring: UsageReportQuerySchema, response: { 200: UsageReportSchema, 400: ErrorSchema } } },
    async (request) => toUsageReportResponse(await usage.report(request.params.customerId, request.query))
  )
}

export default usageRoutes
