import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toAccountResponse } from '../mappers/account-response.js'
import { AccountParamsSchema, AccountSchema, SuspendAccountSchema } from '../schemas/accounts.js'
import { ErrorSchema } from '../schemas/errors.js'
import { requestActor } from './request-actor.js'

/** Support and fraud tooling: suspend an account (it keeps its data) and reactivate it. */
const accountStatusRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { accountStatus } = fastify

  fastify.post(
    '/:id/suspend',
    {
      schema: {
        params: AccountParamsSchema,
        body: SuspendAccountSchema,
        response: { 200: AccountSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema }
      }
    },
    async (request) => {
      const account = await accountStatus.suspend(request.params.id, request.body.reason, requestActor(request))
      request.log.info({ accountId: account.id }, 'account suspended')
      return toAccountResponse(account)
    }
  )

  fastify.post(
    '/:id/reactivate',
    { schema: { params: AccountParamsSchema, response: { 200: AccountSchema, 404: ErrorSchema, 409: ErrorSchema } } },
    async (request) => {
      const account = await accountStatus.reactivate(request.params.id, requestActor(request))
      request.log.info({ accountId: account.id }, 'account reactivated')
      return toAccountResponse(account)
    }
  )
}

export default accountStatusRoutes
