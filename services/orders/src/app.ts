import { apiKeyAuth, errorHandler, healthRoutes, notFoundHandler } from '@debug-drills/service-kit'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import checkout from './plugins/app/checkout.js'
import orderServices from './plugins/app/order-services.js'
import outbox from './plugins/app/outbox.js'
import prisma from './plugins/app/prisma.js'
import repositories from './plugins/app/repositories.js'
import sensible from './plugins/external/sensible.js'
import checkoutRoutes from './routes/checkouts/index.js'
import customerRoutes from './routes/customers/index.js'
import orderRoutes from './routes/orders/index.js'
import outboxRoutes from './routes/outbox/index.js'
import stockRoutes from './routes/stock/index.js'

export interface AppOptions {
  config: Config
}

export default async function app(fastify: FastifyInstance, { config }: AppOptions) {
  await fastify.register(sensible)

  await fastify.register(prisma, { databaseUrl: config.DATABASE_URL })
  await fastify.register(repositories, { eventTypes: config.outbox.eventTypes })
  await fastify.register(orderServices, { cache: config.cache })
  await fastify.register(checkout, { catalog: config.catalog })
  await fastify.register(outbox, { webhook: config.webhook, outbox: config.outbox })

  fastify.setErrorHandler(errorHandler)
  fastify.setNotFoundHandler(notFoundHandler)

  await fastify.register(apiKeyAuth, { apiKeys: config.API_KEYS })
  await fastify.register(healthRoutes, { ping: () => fastify.prisma.$queryRaw`SELECT 1` })
  await fastify.register(orderRoutes, { prefix: '/orders' })
  await fastify.register(customerRoutes, { prefix: '/customers' })
  await fastify.register(outboxRoutes, { prefix: '/outbox' })
  await fastify.register(stockRoutes, { prefix: '/stock' })
  await fastify.register(checkoutRoutes, { prefix: '/checkouts' })
}
