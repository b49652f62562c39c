import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorSchema } from '../schemas/errors.js'
import { ReportQuerySchema, SummarySchema } from '../schemas/reports.js'
import type { ReportService } from '../services/report-service.js'

const reportRoutes: FastifyPluginAsyncTypebox<{ reports: ReportService }> = async (fastify, { reports }) => {
  fastify.get(
    '/reports/deliveries',
    { schema: { querystring: ReportQuerySchema, response: { 200: SummarySchema, 400: ErrorSchema } } },
    async (request) => ({ from: request.query.from, to: request.query.to, channels: await reports.summary(request.query) })
  )

  fastify.get(
    '/reports/deliveries.csv',
    { schema: { querystring: ReportQuerySchema, response: { 200: Type.String(), 400: ErrorSchema } } },
    async (request, reply) => {
      const csv = await reports.exportCsv(request.query)
      const { from, to } = request.query
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="deliveries-${from}-${to}.csv"`)
        .send(csv)
    }
  )
}

export default reportRoutes
