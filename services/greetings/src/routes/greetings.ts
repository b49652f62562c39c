import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { renderGreeting } from '../domain/render-greeting.js'
import { ErrorSchema } from '../schemas/errors.js'
import { GreetingParamsSchema, GreetingQuerySchema, GreetingSchema } from '../schemas/greetings.js'

const greetingRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const languages = fastify.languagesRepository

  fastify.get(
    '/:code',
    { schema: { params: GreetingParamsSchema, querystring: GreetingQuerySchema, response: { 200: GreetingSchema, 400: ErrorSchema, 404: ErrorSchema } } },
    async (request) => {
      const { name, formal } = request.query
      const language = await languages.findByCode(request.params.code)
      const template = formal ? language.formal : language.casual
      return { language: language.code, text: renderGreeting(template, name) }
    }
  )
}

export default greetingRoutes
