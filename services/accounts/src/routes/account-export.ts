import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ExportAccountsQuerySchema } from '../schemas/accounts.js'
import { ErrorSchema } from '../schemas/errors.js'

/**
 * `GET /accounts/export?from&to&status&referredBy`: the accounts created in a period as CSV, oldest
 * first, for marketing and the referral programme's payouts.
 */
const accountExportRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/export',
    { schema: { querystring: ExportAccountsQuerySchema, response: { 200: Type.String({ description: 'text/csv: a header line, then one line per account' }), 400: ErrorSchema, 422: ErrorSchema } } },
    async (request, reply) => {
      const { from, to, status, referredBy } = request.query
      const csv = await fastify.accountExport.csv({ from: new Date(from), to: new Date(to), status, referredBy })
      request.log.info({ from, to, status, referredBy, bytes: csv.length }, 'accounts exported')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="accounts-${from.slice(0, 10)}-${to.slice(0, 10)}.csv"`)
        .send(csv)
    }
  )
}

export default accountExportRoutes
