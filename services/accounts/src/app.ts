import sensible from '@fastify/sensible'
import { apiKeyAuth, errorHandler, healthRoutes, notFoundHandler } from '@debug-drills/service-kit'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import accounts from './plugins/accounts.js'
import outboxRelay from './plugins/outbox-relay.js'
import prisma from './plugins/prisma.js'
import accountHistoryRoutes from './routes/account-history.js'
import accountLookupRoutes from './routes/account-lookup.js'
import accountStatusRoutes from './routes/account-status.js'
import accountRoutes from './routes/accounts.js'
import accountExportRoutes from './routes/account-export.js'

export interface AppOptions {
  config: Config
}

export default async function app(fastify: FastifyInstance, { config }: AppOptions) {
  await fastify.register(sensible)
  await fastify.register(prisma, { databaseUrl: config.DATABASE_URL })
  await fastify.register(accounts, { config })
  await fastify.register(outboxRelay, { config })

  fastify.setErrorHandler(errorHandler)
  fastify.setNotFoundHandler(notFoundHandler)

  await fastify.register(apiKeyAuth, { apiKeys: config.API_KEYS })
  await fastify.register(healthRoutes, { ping: () => fastify.prisma.$queryRaw`SELECT 1` })
  await fastify.register(accountRoutes, { prefix: '/accounts' })
  await fastify.register(accountLookupRoutes, { prefix: '/accounts' })
  await fastify.register(accountExportRoutes, { prefix: '/accounts' })
  await fastify.register(accountStatusRoutes, { prefix: '/accounts' })
  await fastify.register(accountHistoryRoutes, { prefix: '/accounts' })
}
