import type { AccountHistoryEntry } from '../domain/account-events.js'
import type { Prisma } from '../generated/prisma/client.js'

export interface HistoryRecord {
  id: bigint
  accountId: string
  type: string
  actor: string
  changedFields: string[]
  reason: string | null
  occurredAt: Date
}

export function createAccountHistoryRepository(db: Prisma.TransactionClient) {
  return {
    async append({ accountId, type, actor, changedFields = [], reason = null }: AccountHistoryEntry): Promise<void> {
      await db.accountEvent.create({ data: { accountId, type, actor, changedFields, reason } })
    },

    /** Up to `take` entries of one account after entry `afterId`, oldest first. */
    list(accountId: string, { take, afterId }: { take: number; afterId?: bigint }): Promise<HistoryRecord[]> {
      return db.accountEvent.findMany({
        where: { accountId, ...(afterId === undefined ? {} : { id: { gt: afterId } }) },
        orderBy: { id: 'asc' },
        take
      })
    }
  }
}

export type AccountHistoryRepository = ReturnType<typeof createAccountHistoryRepository>
