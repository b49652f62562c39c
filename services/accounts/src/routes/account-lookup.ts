import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toAccountResponse } from '../mappers/account-response.js'
import { AccountSchema, LookupAccountQuerySchema } from '../schemas/accounts.js'
import { ErrorSchema } from '../schemas/errors.js'

/**
 * `GET /accounts/lookup?email=`: the account behind an address, in any letter case. Sign-in and
 * support tools call it on every request, so it is served from the cache when it can be.
 */
const accountLookupRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/lookup',
    { schema: { querystring: LookupAccountQuerySchema, response: { 200: AccountSchema, 400: ErrorSchema, 404: ErrorSchema } } },
    async (request, reply) => {
      const account = await fastify.accounts.findByEmail(request.query.email)
      // Not an AccountNotFoundError: that message would echo the address into logs and answers.
      if (!account) return reply.code(404).send({ message: 'No account has this e-mail address' })
      return toAccountResponse(account)
    }
  )
}

export default accountLookupRoutes
