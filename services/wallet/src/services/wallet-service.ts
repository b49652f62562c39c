import type { LedgerEntry, Wallet } from '../generated/prisma/client.js'
import { encodeCursor, decodeCursor } from '../domain/page-cursor.js'
import { InsufficientFundsError, OrderAlreadyPaidError, WalletExistsError, WalletNotFoundError } from '../domain/errors.js'
import { parseMonth } from '../domain/statement-month.js'
import type { KeyedLock } from '../lib/keyed-lock.js'
import type { Db, TransactionRunner } from '../repositories/database.js'
import { createLedgerRepository } from '../repositories/ledger-repository.js'
import { createWalletRepository } from '../repositories/wallet-repository.js'

export interface WalletServiceOptions {
  db: Db
  transaction: TransactionRunner
  /** Serialises balance changes of one customer within this process (spends and top-ups). */
  walletLocks: KeyedLock
  defaultCurrency: string
}

export interface SpendRequest {
  orderId: string
  amountCents: number
  description?: string
}

export interface Statement {
  wallet: Wallet
  month: string
  openingBalanceCents: number
  closingBalanceCents: number
  creditsCents: number
  debitsCents: number
  entries: LedgerEntry[]
}

export function createWalletService({ db, transaction, walletLocks, defaultCurrency }: WalletServiceOptions) {
  const wallets = createWalletRepository(db)
  const ledger = createLedgerRepository(db)

  async function requireWallet(customerId: string): Promise<Wallet> {
    const wallet = await wallets.findByCustomer(customerId)
    if (!wallet) throw new WalletNotFoundError(customerId)
    return wallet
  }

  return {
    async open(customerId: string, currency = defaultCurrency): Promise<Wallet> {
      const wallet = await wallets.open(customerId, currency)
      if (!wallet) throw new WalletExistsError(customerId)
      return wallet
    },

    get: requireWallet,

    /**
     * Pays an order from the wallet. One spend per order: the same order and amount again
     * answers the first spend (`created: false`); another amount for it is refused.
     */
    async spend(customerId: string, request: SpendRequest, actor: string): Promise<{ entry: LedgerEntry; created: boolean }> {
      return walletLocks.run(customerId, () =>
        transaction(async (tx) => {
          const wallet = await createWalletRepository(tx).lockByCustomer(customerId)
          if (!wallet) throw new WalletNotFoundError(customerId)
          const entries = createLedgerRepository(tx)
          const previous = await entries.findSpend(wallet.id, request.orderId)
          if (previous) {
            if (-previous.amountCents !== request.amountCents) throw new OrderAlreadyPaidError(request.orderId, -previous.amountCents)
            return { entry: previous, created: false }
          }
          if (wallet.balanceCents < request.amountCents) throw new InsufficientFundsError(customerId, wallet.balanceCents, request.amountCents)
          const balanceAfterCents = wallet.balanceCents - request.amountCents
          await createWalletRepository(tx).setBalance(wallet.id, balanceAfterCents)
          const entry = await entries.append({
            walletId: wallet.id,
            kind: 'spend',
            amountCents: -request.amountCents,
            balanceAfterCents,
            reference: request.orderId,
            orderId: request.orderId,
            description: request.description ?? `Order ${request.orderId}`,
            actor
          })
          return { entry, created: true }
        })
      )
    },

    /** The wallet's entries, newest first, a page at a time. */
    async ledger(customerId: string, limit: number, cursor?: string): Promise<{ items: LedgerEntry[]; nextCursor: string | null }> {
      const before = cursor === undefined ? undefined : decodeCursor(cursor)
      const wallet = await requireWallet(customerId)
      const items = await ledger.page(wallet.id, limit + 1, before)
      const page = items.slice(0, limit)
      const last = page.at(-1)
      return { items: page, nextCursor: items.length > limit && last ? encodeCursor(last.id) : null }
    },

    /** A month's statement (UTC): the balance it opened and closed with, and its entries, oldest first. */
    async statement(customerId: string, monthLabel: string): Promise<Statement> {
      const month = parseMonth(monthLabel)
      const wallet = await requireWallet(customerId)
      const [before, entries] = await Promise.all([ledger.lastBefore(wallet.id, month.start), ledger.between(wallet.id, month.start, month.end)])
      const openingBalanceCents = before?.balanceAfterCents ?? 0
      const creditsCents = entries.filter((entry) => entry.amountCents > 0).reduce((sum, entry) => sum + entry.amountCents, 0)
      const debitsCents = entries.filter((entry) => entry.amountCents < 0).reduce((sum, entry) => sum - entry.amountCents, 0)
      return {
        wallet,
        month: month.label,
        openingBalanceCents,
        closingBalanceCents: entries.at(-1)?.balanceAfterCents ?? openingBalanceCents,
        creditsCents,
        debitsCents,
        entries
      }
    }
  }
}

export type WalletService = ReturnType<typeof createWalletService>
