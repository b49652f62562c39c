import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyPluginAsync, type FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'

export interface BuildServerOptions extends FastifyServerOptions {
  logLevel: string
}

const REQUEST_ID = /^[\w.:-]{1,128}$/

/**
 * A Fastify server (JSON logs, TypeBox schemas, strict bodies) running `app`. `app` is wrapped
 * with fastify-plugin so that the error handlers it sets apply to the whole server. Every
 * request has an id (the caller's `x-request-id` when it sends a sane one), logged with each
 * line and echoed in the response, so a report and a log line can be matched.
 */
export function buildServer<AppOptions extends Record<string, unknown>>(
  app: FastifyPluginAsync<AppOptions>,
  appOptions: AppOptions,
  { logLevel, ...serverOptions }: BuildServerOptions
) {
  const fastify = Fastify({
    logger: { level: logLevel },
    requestIdHeader: false,
    genReqId: (request) => {
      const sent = request.headers['x-request-id']
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID()
    },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: 'all' } },
    ...serverOptions
  }).withTypeProvider<TypeBoxTypeProvider>()
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  fastify.register(fp(app), appOptions)
  return fastify
}
