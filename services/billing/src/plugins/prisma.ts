import { PrismaPg } from '@prisma/adapter-pg'
import fp from 'fastify-plugin'
import { PrismaClient } from '../generated/prisma/client.js'

declare module 'fastify' {
  interface FastifyInstance {
    prisma: PrismaClient
  }
}

export interface PrismaPluginOptions {
  databaseUrl: string
}

export default fp<PrismaPluginOptions>(
  async (fastify, { databaseUrl }) => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) })
    fastify.decorate('prisma', prisma)
    fastify.addHook('onClose', async () => {
      await prisma.$disconnect()
    })
  },
  { name: 'prisma' }
)
