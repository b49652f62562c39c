import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { maskEmail } from '../domain/email.js'
import { toAccountResponse } from '../mappers/account-response.js'
import {
  AccountPageSchema,
  AccountParamsSchema,
  AccountSchema,
  CreateAccountSchema,
  ListAccountsQuerySchema,
  UpdateAccountSchema
} from '../schemas/accounts.js'
import { ErrorSchema } from '../schemas/errors.js'
import { requestActor } from './request-actor.js'

const accountRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { accounts, signUpGate } = fastify

  fastify.post(
    '/',
    {
      schema: {
        body: CreateAccountSchema,
        response: { 201: AccountSchema, 400: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema }
      }
    },
    async (request, reply) => {
      await signUpGate.admit(request.body)
      const account = await accounts.signUp(request.body, requestActor(request))
      request.log.info({ accountId: account.id, email: maskEmail(account.email) }, 'account signed up')
      return reply.code(201).header('location', `/accounts/${account.id}`).send(toAccountResponse(account))
    }
  )

  fastify.get(
    '/',
    { schema: { querystring: ListAccountsQuerySchema, response: { 200: AccountPageSchema, 400: ErrorSchema } } },
    async (request) => {
      const { q, ...query } = request.query
      const page = await accounts.list({ ...query, search: q })
      return { accounts: page.items.map(toAccountResponse), nextCursor: page.nextCursor }
    }
  )

  fastify.get(
    '/:id',
    { schema: { params: AccountParamsSchema, response: { 200: AccountSchema, 404: ErrorSchema } } },
    async (request) => toAccountResponse(await accounts.get(request.params.id))
  )

  fastify.patch(
    '/:id',
    {
      schema: {
        params: AccountParamsSchema,
        body: UpdateAccountSchema,
        response: { 200: AccountSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema }
      }
    },
    async (request) => {
      const { account, changedFields } = await accounts.updateProfile(request.params.id, request.body, requestActor(request))
      if (changedFields.length) request.log.info({ accountId: account.id, changedFields }, 'account profile changed')
      return toAccountResponse(account)
    }
  )

  fastify.delete(
    '/:id',
    { schema: { params: AccountParamsSchema, response: { 204: Type.Null(), 404: ErrorSchema } } },
    async (request, reply) => {
      await accounts.remove(request.params.id, requestActor(request))
      request.log.info({ accountId: request.params.id }, 'account deleted')
      return reply.code(204).send(null)
    }
  )
}

export default accountRoutes
