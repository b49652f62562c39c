import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toHistoryEntryResponse } from '../mappers/account-response.js'
import { HistoryPageSchema, HistoryQuerySchema } from '../schemas/account-history.js'
import { AccountParamsSchema } from '../schemas/accounts.js'
import { ErrorSchema } from '../schemas/errors.js'

/** `GET /accounts/:id/history`: who changed what and when, oldest first, also after deletion. */
const accountHistoryRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/:id/history',
    { schema: { params: AccountParamsSchema, querystring: HistoryQuerySchema, response: { 200: HistoryPageSchema, 400: ErrorSchema } } },
    async (request) => {
      const page = await fastify.accountHistory.list(request.params.id, request.query)
      return { events: page.items.map(toHistoryEntryResponse), nextCursor: page.nextCursor }
    }
  )
}

export default accountHistoryRoutes
