import { prismaPlugin } from '@debug-drills/service-kit'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../generated/prisma/client.js'

declare module 'fastify' {
  interface FastifyInstance {
    prisma: PrismaClient
  }
}

export default prismaPlugin((connectionString) => new PrismaClient({ adapter: new PrismaPg({ connectionString }) }))
