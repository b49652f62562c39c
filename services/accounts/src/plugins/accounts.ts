import fp from 'fastify-plugin'
import type { Config } from '../config.js'
import { createEmailPolicy, parseDomainList } from '../domain/email-policy.js'
import type { Account } from '../domain/account.js'
import { createLruCache, createNoCache } from '../lib/cache.js'
import { createAccountHistoryRepository } from '../repositories/account-history-repository.js'
import { createAccountsRepository } from '../repositories/accounts-repository.js'
import { createUnitOfWork } from '../repositories/unit-of-work.js'
import { createAccountCache } from '../services/account-cache.js'
import { createAccountHistoryService, type AccountHistoryService } from '../services/account-history-service.js'
import { createAccountStatusService, type AccountStatusService } from '../services/account-status-service.js'
import { createAccountsService, type AccountsService } from '../services/accounts-service.js'

declare module 'fastify' {
  interface FastifyInstance {
    accounts: AccountsService
    accountStatus: AccountStatusService
    accountHistory: AccountHistoryService
  }
}

/** The account use cases, wired to the database, one shared cache and the e-mail policy. */
export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    const inTransaction = createUnitOfWork(fastify.prisma)
    const cache = createAccountCache(
      config.ACCOUNT_CACHE_TTL_MS > 0
        ? createLruCache<Account>({ maxEntries: config.ACCOUNT_CACHE_MAX_ENTRIES, ttlMs: config.ACCOUNT_CACHE_TTL_MS })
        : createNoCache<Account>()
    )
    const emailPolicy = createEmailPolicy(parseDomainList(config.BLOCKED_EMAIL_DOMAINS))

    fastify.decorate('accounts', createAccountsService({ accounts: createAccountsRepository(fastify.prisma), inTransaction, cache, emailPolicy }))
    fastify.decorate('accountStatus', createAccountStatusService({ inTransaction, cache }))
    fastify.decorate('accountHistory', createAccountHistoryService({ history: createAccountHistoryRepository(fastify.prisma) }))
  },
  { name: 'accounts', dependencies: ['prisma'] }
)
