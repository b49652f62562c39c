import sensible from '@fastify/sensible'
import { apiKeyAuth, errorHandler, healthRoutes, notFoundHandler } from '@debug-drills/service-kit'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import prisma from './plugins/prisma.js'
import { createBroadcastRepository } from './repositories/broadcast-repository.js'
import { createDeliveryRepository } from './repositories/delivery-repository.js'
import { createTemplateRepository } from './repositories/template-repository.js'
import broadcastRoutes from './routes/broadcasts.js'
import notificationRoutes from './routes/notifications.js'
import reportRoutes from './routes/reports.js'
import templateRoutes from './routes/templates.js'
import { createBroadcastService } from './services/broadcast-service.js'
import { createNotificationService } from './services/notification-service.js'
import { createReportService } from './services/report-service.js'

export interface AppOptions {
  config: Config
}

export default async function app(fastify: FastifyInstance, { config }: AppOptions) {
  await fastify.register(sensible)
  await fastify.register(prisma, { databaseUrl: config.DATABASE_URL })

  fastify.setErrorHandler(errorHandler)
  fastify.setNotFoundHandler(notFoundHandler)

  const deliveries = createDeliveryRepository(fastify.prisma)
  const notifications = createNotificationService({
    templates: createTemplateRepository(fastify.prisma),
    deliveries,
    fallbackLocale: config.FALLBACK_LOCALE,
    prices: { smsSegmentCents: config.SMS_SEGMENT_PRICE_CENTS, emailCents: config.EMAIL_PRICE_CENTS }
  })
  const reports = createReportService({ deliveries })
  const broadcasts = createBroadcastService({ notifications, broadcasts: createBroadcastRepository(fastify.prisma), log: fastify.log })

  await fastify.register(apiKeyAuth, { apiKeys: config.API_KEYS })
  await fastify.register(healthRoutes, { ping: () => fastify.prisma.$queryRaw`SELECT 1` })
  await fastify.register(templateRoutes, { notifications })
  await fastify.register(notificationRoutes, { notifications })
  await fastify.register(broadcastRoutes, { broadcasts })
  fastify.addHook('onClose', () => broadcasts.drain())
  await fastify.register(reportRoutes, { reports })
}
