import fp from 'fastify-plugin'

export interface PrismaPluginOptions {
  databaseUrl: string
}

/**
 * The named `prisma` plugin: decorates the server with the client `createClient` makes and
 * disconnects it when the server closes. Each service declares the decorator's type.
 */
export function prismaPlugin<Client extends { $disconnect(): Promise<void> }>(createClient: (databaseUrl: string) => Client) {
  return fp<PrismaPluginOptions>(
    async (fastify, { databaseUrl }) => {
      const prisma = createClient(databaseUrl)
      // Typed as a plain object here: each service declares `prisma` with its own client type.
      const decoration: object = prisma
      fastify.decorate('prisma', decoration)
      fastify.addHook('onClose', async () => {
        await prisma.$disconnect()
      })
    },
    { name: 'prisma' }
  )
}
