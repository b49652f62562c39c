import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toFeesReport } from '../mappers/report-mapper.js'
import { ErrorSchema } from '../schemas/errors.js'
import { FeesQuerySchema, FeesReportSchema } from '../schemas/reports.js'

/** Reports for finance: what the payment provider charged. */
const reportRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/provider-fees', { schema: { querystring: FeesQuerySchema, response: { 200: FeesReportSchema, 400: ErrorSchema } } }, async (request) =>
    toFeesReport(await fastify.reports.providerFees(request.query.month))
  )
}

export default reportRoutes
