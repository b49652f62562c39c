import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyPluginAsync, type FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'

export interface BuildServerOptions extends FastifyServerOptions {
  logLevel: string
}

/**
 * A Fastify server (JSON logs, TypeBox schemas, strict bodies) running `app`. `app` is wrapped
 * with fastify-plugin so that the error handlers it sets apply to the whole server.
 */
export function buildServer<AppOptions extends Record<string, unknown>>(
  app: FastifyPluginAsync<AppOptions>,
  appOptions: AppOptions,
  { logLevel, ...serverOptions }: BuildServerOptions
) {
  const fastify = Fastify({
    logger: { level: logLevel },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: 'all' } },
    ...serverOptions
  }).withTypeProvider<TypeBoxTypeProvider>()
  fastify.register(fp(app), appOptions)
  return fastify
}
