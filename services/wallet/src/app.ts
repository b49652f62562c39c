import sensible from '@fastify/sensible'
import { apiKeyAuth, errorHandler, healthRoutes, notFoundHandler } from '@debug-drills/service-kit'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import prisma from './plugins/prisma.js'
import wallet from './plugins/wallet.js'
import reportRoutes from './routes/reports.js'
import walletRoutes from './routes/wallets.js'
import webhookRoutes from './routes/webhooks.js'

export interface AppOptions {
  config: Config
}

export default async function app(fastify: FastifyInstance, { config }: AppOptions) {
  await fastify.register(sensible)
  await fastify.register(prisma, { databaseUrl: config.DATABASE_URL })
  await fastify.register(wallet, {
    defaultCurrency: config.WALLET_DEFAULT_CURRENCY,
    inboxWorkerEnabled: config.INBOX_WORKER_ENABLED,
    inboxPollIntervalMs: config.INBOX_POLL_INTERVAL_MS,
    inboxBatchSize: config.INBOX_BATCH_SIZE
  })

  fastify.setErrorHandler(errorHandler)
  fastify.setNotFoundHandler(notFoundHandler)

  await fastify.register(apiKeyAuth, { apiKeys: config.API_KEYS })
  await fastify.register(healthRoutes, { ping: () => fastify.prisma.$queryRaw`SELECT 1` })
  await fastify.register(walletRoutes, { prefix: '/wallets' })
  await fastify.register(webhookRoutes, { prefix: '/webhooks' })
  await fastify.register(reportRoutes, { prefix: '/reports' })
}
