import fp from 'fastify-plugin'
import { createInboxWorker, type InboxWorker } from '../jobs/inbox-worker.js'
import { createKeyedLock } from '../lib/keyed-lock.js'
import { transactionRunner } from '../repositories/database.js'
import { createInboxService, type InboxService } from '../services/inbox-service.js'
import { createReportService, type ReportService } from '../services/report-service.js'
import { createWalletService, type WalletService } from '../services/wallet-service.js'

export interface WalletPluginOptions {
  defaultCurrency: string
  inboxWorkerEnabled: boolean
  inboxPollIntervalMs: number
  inboxBatchSize: number
}

declare module 'fastify' {
  interface FastifyInstance {
    wallets: WalletService
    inbox: InboxService
    reports: ReportService
    inboxWorker: InboxWorker
  }
}

/** The services, on one Prisma client and one set of per-customer locks, and the inbox worker. */
export default fp<WalletPluginOptions>(
  async (fastify, options) => {
    const { prisma } = fastify
    const transaction = transactionRunner(prisma)
    const walletLocks = createKeyedLock()
    const log = fastify.log.child({ component: 'inbox' })
    const inbox = createInboxService({ db: prisma, transaction, walletLocks, log })
    fastify.decorate('wallets', createWalletService({ db: prisma, transaction, walletLocks, defaultCurrency: options.defaultCurrency }))
    fastify.decorate('inbox', inbox)
    fastify.decorate('reports', createReportService({ db: prisma }))
    const worker = createInboxWorker({ inbox, intervalMs: options.inboxPollIntervalMs, batchSize: options.inboxBatchSize, log })
    fastify.decorate('inboxWorker', worker)
    // Switched off, the worker still drains on demand (an operator's script, the tests), but does not poll.
    if (!options.inboxWorkerEnabled) return
    fastify.addHook('onReady', async () => worker.start())
    // onClose hooks run last-in, first-out: this one before the prisma plugin's, so no run outlives the pool.
    fastify.addHook('onClose', async () => worker.stop())
  },
  { name: 'wallet', dependencies: ['prisma'] }
)
