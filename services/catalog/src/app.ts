import sensible from '@fastify/sensible'
import { apiKeyAuth, errorHandler, healthRoutes, notFoundHandler } from '@debug-drills/service-kit'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import catalogServices from './plugins/app/catalog-services.js'
import outboxRelay from './plugins/app/outbox-relay.js'
import prisma from './plugins/app/prisma.js'
import categoryRoutes from './routes/categories.js'
import outboxRoutes from './routes/outbox.js'
import productRoutes from './routes/products.js'
import stockRoutes from './routes/stock.js'

export interface AppOptions {
  config: Config
}

export default async function app(fastify: FastifyInstance, { config }: AppOptions) {
  await fastify.register(sensible)
  await fastify.register(prisma, { databaseUrl: config.DATABASE_URL })
  await fastify.register(catalogServices, { cacheTtlMs: config.CACHE_TTL_MS, cacheMaxEntries: config.CACHE_MAX_ENTRIES })
  await fastify.register(outboxRelay, {
    enabled: config.OUTBOX_RELAY_ENABLED,
    intervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    batchSize: config.OUTBOX_BATCH_SIZE,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    webhook: config.WEBHOOK_URL
      ? { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, timeoutMs: config.WEBHOOK_TIMEOUT_MS, retries: config.WEBHOOK_RETRIES }
      : undefined
  })

  fastify.setErrorHandler(errorHandler)
  fastify.setNotFoundHandler(notFoundHandler)

  await fastify.register(apiKeyAuth, { apiKeys: config.API_KEYS })
  await fastify.register(healthRoutes, { ping: () => fastify.prisma.$queryRaw`SELECT 1` })
  await fastify.register(productRoutes, { prefix: '/products' })
  await fastify.register(stockRoutes, { prefix: '/products' })
  await fastify.register(categoryRoutes, { prefix: '/categories' })
  await fastify.register(outboxRoutes, { prefix: '/outbox' })
}
