import sensible from '@fastify/sensible'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.js'
import { errorHandler, notFoundHandler } from './plugins/error-handler.js'
import prisma from './plugins/prisma.js'
import accountsRepository from './plugins/accounts-repository.js'
import accountRoutes from './routes/accounts.js'
import healthRoutes from './routes/health.js'

export interface AppOptions {
  config: Config
}

export default async function app(fastify: FastifyInstance, { config }: AppOptions) {
  await fastify.register(sensible)
  await fastify.register(prisma, { databaseUrl: config.DATABASE_URL })
  await fastify.register(accountsRepository)

  fastify.setErrorHandler(errorHandler)
  fastify.setNotFoundHandler(notFoundHandler)

  await fastify.register(healthRoutes)
  await fastify.register(accountRoutes, { prefix: '/accounts' })
}
