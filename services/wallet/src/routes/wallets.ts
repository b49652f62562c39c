import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toEntry, toWallet } from '../mappers/wallet-mapper.js'
import { ErrorSchema } from '../schemas/errors.js'
import {
  CustomerParamsSchema,
  EntrySchema,
  LedgerPageSchema,
  LedgerQuerySchema,
  OpenWalletSchema,
  SpendSchema,
  StatementQuerySchema,
  StatementSchema,
  WalletSchema
} from '../schemas/wallets.js'

const walletRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { wallets } = fastify

  fastify.post('/', { schema: { body: OpenWalletSchema, response: { 201: WalletSchema, 400: ErrorSchema, 409: ErrorSchema } } }, async (request, reply) => {
    const wallet = await wallets.open(request.body.customerId, request.body.currency)
    request.log.info({ customerId: wallet.customerId, currency: wallet.currency }, 'wallet opened')
    return reply.code(201).send(toWallet(wallet))
  })

  fastify.get('/:customerId', { schema: { params: CustomerParamsSchema, response: { 200: WalletSchema, 404: ErrorSchema } } }, async (request) =>
    toWallet(await wallets.get(request.params.customerId))
  )

  fastify.post(
    '/:customerId/spend',
    { schema: { params: CustomerParamsSchema, body: SpendSchema, response: { 200: EntrySchema, 201: EntrySchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema } } },
    async (request, reply) => {
      const { customerId } = request.params
      const { entry, created } = await wallets.spend(customerId, request.body, request.apiClient ?? 'unknown')
      request.log.info({ customerId, orderId: request.body.orderId, amountCents: request.body.amountCents, created }, created ? 'wallet spent' : 'spend repeated')
      return reply.code(created ? 201 : 200).send(toEntry(entry))
    }
  )

  fastify.get(
    '/:customerId/ledger',
    { schema: { params: CustomerParamsSchema, querystring: LedgerQuerySchema, response: { 200: LedgerPageSchema, 400: ErrorSchema, 404: ErrorSchema } } },
    async (request) => {
      const page = await wallets.ledger(request.params.customerId, request.query.limit, request.query.cursor)
      return { items: page.items.map(toEntry), nextCursor: page.nextCursor }
    }
  )

  fastify.get(
    '/:customerId/statement',
    { schema: { params: CustomerParamsSchema, querystring: StatementQuerySchema, response: { 200: StatementSchema, 400: ErrorSchema, 404: ErrorSchema } } },
    async (request) => {
      const { wallet, entries, ...statement } = await wallets.statement(request.params.customerId, request.query.month)
      return { customerId: wallet.customerId, currency: wallet.currency, ...statement, entries: entries.map(toEntry) }
    }
  )
}

export default walletRoutes
