import fp from 'fastify-plugin'
import {
  createRepositories,
  transactionRunner,
  type InTransaction,
  type Repositories,
  type RepositoryOptions
} from '../../repositories/repositories.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Repositories on the shared client, for reads and single writes. */
    repositories: Repositories
    /** Repositories bound to one transaction, for writes that belong together. */
    inTransaction: InTransaction
  }
}

export default fp<RepositoryOptions>(
  async (fastify, options) => {
    fastify.decorate('repositories', createRepositories(fastify.prisma, options))
    fastify.decorate('inTransaction', transactionRunner(fastify.prisma, options))
  },
  { name: 'repositories', dependencies: ['prisma'] }
)
