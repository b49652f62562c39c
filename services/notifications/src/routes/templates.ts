import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toTemplateResponse } from '../mappers/responses.js'
import { Type } from 'typebox'
import { ErrorSchema } from '../schemas/errors.js'
import { PutTemplateSchema, TemplateListSchema, TemplateParamsSchema, TemplateQuerySchema, TemplateSchema } from '../schemas/templates.js'
import type { NotificationService } from '../services/notification-service.js'

const templateRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationService }> = async (fastify, { notifications }) => {
  fastify.get('/templates', { schema: { querystring: TemplateQuerySchema, response: { 200: TemplateListSchema } } }, async (request) =>
    (await notifications.listTemplates(request.query)).map(toTemplateResponse)
  )

  fastify.put(
    '/templates/:key/:locale/:channel',
    { schema: { params: TemplateParamsSchema, body: PutTemplateSchema, response: { 200: TemplateSchema, 400: ErrorSchema } } },
    async (request) => {
      const template = await notifications.putTemplate(request.params, { subject: request.body.subject ?? null, body: request.body.body }, request.apiClient ?? null)
      request.log.info({ template: template.key, locale: template.locale, channel: template.channel }, 'template saved')
      return toTemplateResponse(template)
    }
  )

  fastify.delete(
    '/templates/:key/:locale/:channel',
    { schema: { params: TemplateParamsSchema, response: { 204: Type.Null(), 404: ErrorSchema } } },
    async (request, reply) => {
      await notifications.removeTemplate(request.params)
      request.log.info({ template: request.params.key, locale: request.params.locale, channel: request.params.channel }, 'template removed')
      return reply.code(204).send(null)
    }
  )
}

export default templateRoutes
