import fp from 'fastify-plugin'
import { LanguageNotFoundError } from '../domain/errors.js'
import type { Language, PrismaClient } from '../generated/prisma/client.js'

export interface Templates {
  formal: string
  casual: string
}

declare module 'fastify' {
  interface FastifyInstance {
    languagesRepository: ReturnType<typeof createLanguagesRepository>
  }
}

export function createLanguagesRepository(prisma: PrismaClient) {
  return {
    async list(): Promise<Language[]> {
      return prisma.language.findMany({ orderBy: { code: 'asc' } })
    },

    async findByCode(code: string): Promise<Language> {
      const language = await prisma.language.findUnique({ where: { code } })
      if (!language) throw new LanguageNotFoundError(code)
      return language
    },

    async save(code: string, templates: Templates): Promise<Language> {
      return prisma.language.upsert({ where: { code }, update: templates, create: { code, ...templates } })
    }
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('languagesRepository', createLanguagesRepository(fastify.prisma))
  },
  { name: 'languages-repository', dependencies: ['prisma'] }
)
