import sensible from '@fastify/sensible'
import { apiKeyAuth, errorHandler, healthRoutes, notFoundHandler } from '@debug-drills/service-kit'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import billingServices from './plugins/app/billing-services.js'
import outboxRelay from './plugins/app/outbox-relay.js'
import repositories from './plugins/app/repositories.js'
import prisma from './plugins/external/prisma.js'
import contractRoutes from './routes/contracts.js'
import invoiceRoutes from './routes/invoices.js'
import meterRoutes from './routes/meters.js'
import taxRateRoutes from './routes/tax-rates.js'
import usageRoutes from './routes/usage.js'

export interface AppOptions {
  config: Config
}

export default async function app(fastify: FastifyInstance, { config }: AppOptions) {
  await fastify.register(sensible)
  await fastify.register(prisma, { databaseUrl: config.DATABASE_URL })

  await fastify.register(repositories)
  await fastify.register(billingServices, {
    cacheTtlSeconds: config.CACHE_TTL_SECONDS,
    cacheMaxEntries: config.CACHE_MAX_ENTRIES,
    paymentTermsDays: config.INVOICE_PAYMENT_TERMS_DAYS
  })
  await fastify.register(outboxRelay, {
    enabled: config.OUTBOX_RELAY_ENABLED,
    webhookUrl: config.BILLING_WEBHOOK_URL,
    webhookSecret: config.BILLING_WEBHOOK_SECRET,
    webhookTimeoutMs: config.BILLING_WEBHOOK_TIMEOUT_MS,
    webhookRetries: config.BILLING_WEBHOOK_RETRIES,
    intervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    batchSize: config.OUTBOX_BATCH_SIZE,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS
  })

  fastify.setErrorHandler(errorHandler)
  fastify.setNotFoundHandler(notFoundHandler)

  await fastify.register(apiKeyAuth, { apiKeys: config.API_KEYS })
  await fastify.register(healthRoutes, { ping: () => fastify.prisma.$queryRaw`SELECT 1` })
  await fastify.register(meterRoutes)
  await fastify.register(usageRoutes)
  await fastify.register(invoiceRoutes)
  await fastify.register(taxRateRoutes)
  await fastify.register(contractRoutes)
}
