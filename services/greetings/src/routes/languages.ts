import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Language } from '../generated/prisma/client.js'
import { ErrorSchema } from '../schemas/errors.js'
import { LanguageListSchema, LanguageParamsSchema, LanguageSchema, SaveLanguageSchema, type LanguageResponse } from '../schemas/languages.js'

function toResponse(language: Language): LanguageResponse {
  return { code: language.code, formal: language.formal, casual: language.casual, updatedAt: language.updatedAt.toISOString() }
}

const languageRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const languages = fastify.languagesRepository

  fastify.get('/', { schema: { response: { 200: LanguageListSchema } } }, async () => (await languages.list()).map(toResponse))

  fastify.put(
    '/:code',
    { schema: { params: LanguageParamsSchema, body: SaveLanguageSchema, response: { 200: LanguageSchema, 400: ErrorSchema } } },
    async (request) => {
      const language = await languages.save(request.params.code, request.body)
      request.log.info({ code: language.code }, 'language saved')
      return toResponse(language)
    }
  )
}

export default languageRoutes
