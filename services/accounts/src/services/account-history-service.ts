import { decodeCursor, encodeCursor, takePage } from '../domain/cursor.js'
import { InvalidCursorError } from '../domain/errors.js'
import type { AccountHistoryRepository, HistoryRecord } from '../repositories/account-history-repository.js'
import type { Page } from './accounts-service.js'

/**
 * The audit trail of an account, oldest first. It outlives the account, so an erased account's
 * id still answers (with what happened to it) rather than 404.
 */
export function createAccountHistoryService({ history }: { history: AccountHistoryRepository }) {
  return {
    async list(accountId: string, { limit, cursor }: { limit: number; cursor?: string }): Promise<Page<HistoryRecord>> {
      const afterId = cursor === undefined ? undefined : decodeHistoryCursor(cursor)
      const page = takePage(await history.list(accountId, { take: limit + 1, afterId }), limit)
      return { items: page.rows, nextCursor: page.hasMore && page.last ? encodeCursor([page.last.id.toString()]) : null }
    }
  }
}

function decodeHistoryCursor(cursor: string): bigint {
  const [id = ''] = decodeCursor(cursor, 1)
  if (!/^\d{1,19}$/.test(id)) throw new InvalidCursorError()
  return BigInt(id)
}

export type AccountHistoryService = ReturnType<typeof createAccountHistoryService>
