import fp from 'fastify-plugin'
import type { Config } from '../config.js'
import { createEmailPolicy, parseDomainList } from '../domain/email-policy.js'
import type { Account } from '../domain/account.js'
import { createLruCache, createNoCache } from '../lib/cache.js'
import { createAccountHistoryRepository } from '../repositories/account-history-repository.js'
import { createAccountExportRepository } from '../repositories/account-export-repository.js'
import { createAccountsRepository } from '../repositories/accounts-repository.js'
import { createUnitOfWork } from '../repositories/unit-of-work.js'
import { createAccountCache } from '../services/account-cache.js'
import { createAccountHistoryService, type AccountHistoryService } from '../services/account-history-service.js'
import { createAccountStatusService, type AccountStatusService } from '../services/account-status-service.js'
import { createAccountExportService, type AccountExportService } from '../services/account-export-service.js'
import { createAccountsService, type AccountsService } from '../services/accounts-service.js'
import { createSignUpGate, type SignUpGate } from '../services/sign-up-gate.js'

declare module 'fastify' {
  interface FastifyInstance {
    accounts: AccountsService
    accountStatus: AccountStatusService
    accountHistory: AccountHistoryService
    accountExport: AccountExportService
    signUpGate: SignUpGate
  }
}

/** The account use cases, wired to the database, one shared cache, the e-mail policy and the sign-up gate. */
export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    const inTransaction = createUnitOfWork(fastify.prisma)
    const cache = createAccountCache(
      config.ACCOUNT_CACHE_TTL_MS > 0
        ? createLruCache<Account>({ maxEntries: config.ACCOUNT_CACHE_MAX_ENTRIES, ttlMs: config.ACCOUNT_CACHE_TTL_MS })
        : createNoCache<Account>()
    )
    const emailPolicy = createEmailPolicy(parseDomainList(config.BLOCKED_EMAIL_DOMAINS))
    const accounts = createAccountsRepository(fastify.prisma)

    fastify.decorate('accounts', createAccountsService({ accounts, inTransaction, cache, emailPolicy }))
    fastify.decorate('signUpGate', createSignUpGate({ accounts, inviteOnly: config.SIGNUPS_INVITE_ONLY }))
    fastify.decorate('accountExport', createAccountExportService({ exports: createAccountExportRepository(fastify.prisma) }))
    fastify.decorate('accountStatus', createAccountStatusService({ inTransaction, cache }))
    fastify.decorate('accountHistory', createAccountHistoryService({ history: createAccountHistoryRepository(fastify.prisma) }))
  },
  { name: 'accounts', dependencies: ['prisma'] }
)
