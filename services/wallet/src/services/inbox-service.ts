import type { FastifyBaseLogger } from 'fastify'
import type { KeyedLock } from '../lib/keyed-lock.js'
import type { Db, TransactionRunner } from '../repositories/database.js'
import { createInboxRepository, type DeliveryOutcome, type IncomingEvent } from '../repositories/inbox-repository.js'
import { createLedgerRepository } from '../repositories/ledger-repository.js'
import { createWalletRepository } from '../repositories/wallet-repository.js'

/** The provider's event that tops a wallet up; the inbox records no other type. */
export const TOP_UP_EVENT = 'payment.succeeded'

/** Who the ledger names for top-ups. */
export const PROVIDER_ACTOR = 'payment-provider'

export interface InboxServiceOptions {
  db: Db
  transaction: TransactionRunner
  walletLocks: KeyedLock
  log: FastifyBaseLogger
  now?: () => Date
}

export type ApplyOutcome = 'applied' | 'failed' | 'skipped'

export function createInboxService({ db, transaction, walletLocks, log, now = () => new Date() }: InboxServiceOptions) {
  const inbox = createInboxRepository(db)

  return {
    /** Records a delivery from the provider; the worker applies it later. */
    async receive(event: IncomingEvent): Promise<DeliveryOutcome | 'ignored'> {
      if (event.type !== TOP_UP_EVENT) return 'ignored'
      return inbox.record(event)
    },

    pending: (limit: number) => inbox.pending(limit),

    /**
     * Applies one pending event: credits the wallet and writes the ledger entry in the same
     * transaction that marks the event applied. An event for a customer without a wallet, or
     * in another currency, fails and waits for the provider's next delivery.
     */
    async apply(id: bigint): Promise<ApplyOutcome> {
      const queued = await inbox.find(id)
      if (queued?.status !== 'pending') return 'skipped'
      return walletLocks.run(queued.customerId, () =>
        transaction(async (tx) => {
          const events = createInboxRepository(tx)
          const event = await events.claim(id)
          if (!event) return 'skipped'
          const wallets = createWalletRepository(tx)
          const wallet = await wallets.lockByCustomer(event.customerId)
          const problem = !wallet
            ? `${event.customerId} has no wallet`
            : wallet.currency !== event.currency
              ? `the wallet holds ${wallet.currency}, the payment was in ${event.currency}`
              : undefined
          if (!wallet || problem) {
            await events.markFailed(event.id, problem ?? 'no wallet')
            log.warn({ eventId: event.eventId, customerId: event.customerId, reason: problem }, 'top-up not applied')
            return 'failed'
          }
          const balanceAfterCents = wallet.balanceCents + event.amountCents
          await wallets.setBalance(wallet.id, balanceAfterCents)
          await createLedgerRepository(tx).append({
            walletId: wallet.id,
            kind: 'top_up',
            amountCents: event.amountCents,
            balanceAfterCents,
            reference: event.paymentId,
            eventId: event.eventId,
            description: `Top-up ${event.paymentId}`,
            actor: PROVIDER_ACTOR
          })
          await events.markApplied(event.id, now())
          log.info({ eventId: event.eventId, customerId: event.customerId, amountCents: event.amountCents }, 'top-up applied')
          return 'applied'
        })
      )
    }
  }
}

export type InboxService = ReturnType<typeof createInboxService>
