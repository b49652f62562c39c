import sensible from '@fastify/sensible'
import { apiKeyAuth, errorHandler, healthRoutes, notFoundHandler } from '@debug-drills/service-kit'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import languagesRepository from './plugins/languages-repository.js'
import prisma from './plugins/prisma.js'
import greetingRoutes from './routes/greetings.js'
import languageRoutes from './routes/languages.js'

export interface AppOptions {
  config: Config
}

export default async function app(fastify: FastifyInstance, { config }: AppOptions) {
  await fastify.register(sensible)
  await fastify.register(prisma, { databaseUrl: config.DATABASE_URL })
  await fastify.register(languagesRepository)

  fastify.setErrorHandler(errorHandler)
  fastify.setNotFoundHandler(notFoundHandler)

  await fastify.register(apiKeyAuth, { apiKeys: config.API_KEYS })
  await fastify.register(healthRoutes, { ping: () => fastify.prisma.$queryRaw`SELECT 1` })
  await fastify.register(languageRoutes, { prefix: '/languages' })
  await fastify.register(greetingRoutes, { prefix: '/greetings' })
}
