import Fastify, { type FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import app from './app.js'
import type { Config } from './config.js'

export function buildApp(config: Config, options: FastifyServerOptions = {}) {
  const fastify = Fastify({
    logger: { level: config.LOG_LEVEL },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: 'all' } },
    ...options
  }).withTypeProvider<TypeBoxTypeProvider>()
  // fastify-plugin, so the error handlers set inside apply to the whole server.
  fastify.register(fp(app), { config })
  return fastify
}

export type App = ReturnType<typeof buildApp>
