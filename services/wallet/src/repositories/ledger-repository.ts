import type { LedgerEntry } from '../generated/prisma/client.js'
import type { Db } from './database.js'

export type EntryKind = 'top_up' | 'spend'

export interface NewEntry {
  walletId: string
  kind: EntryKind
  amountCents: number
  balanceAfterCents: number
  reference: string
  orderId?: string
  eventId?: string
  description: string
  actor: string
}

export function createLedgerRepository(db: Db) {
  return {
    append(entry: NewEntry): Promise<LedgerEntry> {
      return db.ledgerEntry.create({ data: entry })
    },

    findSpend(walletId: string, orderId: string): Promise<LedgerEntry | null> {
      return db.ledgerEntry.findUnique({ where: { walletId_orderId: { walletId, orderId } } })
    },

    /** A page of the wallet's entries, newest first, starting after `before` (an entry id). */
    page(walletId: string, limit: number, before?: bigint): Promise<LedgerEntry[]> {
      return db.ledgerEntry.findMany({
        where: { walletId, ...(before === undefined ? {} : { id: { lt: before } }) },
        orderBy: { id: 'desc' },
        take: limit
      })
    },

    /** The entries of [start, end), oldest first. */
    between(walletId: string, start: Date, end: Date): Promise<LedgerEntry[]> {
      return db.ledgerEntry.findMany({ where: { walletId, createdAt: { gte: start, lt: end } }, orderBy: { id: 'asc' } })
    },

    /** The last entry before `instant`: its balance is the balance at that instant. */
    lastBefore(walletId: string, instant: Date): Promise<LedgerEntry | null> {
      return db.ledgerEntry.findFirst({ where: { walletId, createdAt: { lt: instant } }, orderBy: { id: 'desc' } })
    }
  }
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>
