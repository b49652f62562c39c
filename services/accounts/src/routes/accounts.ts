import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Account } from '../generated/prisma/client.js'
import {
  AccountPageSchema,
  AccountParamsSchema,
  AccountSchema,
  CreateAccountSchema,
  ListAccountsQuerySchema,
  UpdateAccountSchema,
  type AccountResponse
} from '../schemas/accounts.js'
import { Type } from 'typebox'
import { ErrorSchema } from '../schemas/errors.js'

function toResponse(account: Account): AccountResponse {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString()
  }
}

const accountRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const accounts = fastify.accountsRepository

  fastify.post(
    '/',
    {
      schema: {
        body: CreateAccountSchema,
        response: { 201: AccountSchema, 400: ErrorSchema, 409: ErrorSchema }
      }
    },
    async (request, reply) => {
      const account = await accounts.create(request.body)
      request.log.info({ accountId: account.id }, 'account created')
      return reply.code(201).send(toResponse(account))
    }
  )

  fastify.get(
    '/',
    { schema: { querystring: ListAccountsQuerySchema, response: { 200: AccountPageSchema } } },
    async (request) => {
      const page = await accounts.list(request.query)
      return { accounts: page.accounts.map(toResponse), nextCursor: page.nextCursor }
    }
  )

  fastify.get(
    '/:id',
    { schema: { params: AccountParamsSchema, response: { 200: AccountSchema, 404: ErrorSchema } } },
    async (request) => toResponse(await accounts.findById(request.params.id))
  )

  fastify.patch(
    '/:id',
    {
      schema: {
        params: AccountParamsSchema,
        body: UpdateAccountSchema,
        response: { 200: AccountSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema }
      }
    },
    async (request) => toResponse(await accounts.update(request.params.id, request.body))
  )

  fastify.delete(
    '/:id',
    { schema: { params: AccountParamsSchema, response: { 204: Type.Null(), 404: ErrorSchema } } },
    async (request, reply) => {
      await accounts.remove(request.params.id)
      return reply.code(204).send(null)
    }
  )
}

export default accountRoutes
