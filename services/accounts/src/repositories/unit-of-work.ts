import type { PrismaClient } from '../generated/prisma/client.js'
import { createAccountHistoryRepository } from './account-history-repository.js'
import { createAccountsRepository } from './accounts-repository.js'
import { createOutboxRepository } from './outbox-repository.js'
import { isTransientConflict } from './prisma-errors.js'

/** The repositories of one transaction. */
export interface TransactionRepositories {
  accounts: ReturnType<typeof createAccountsRepository>
  history: ReturnType<typeof createAccountHistoryRepository>
  outbox: ReturnType<typeof createOutboxRepository>
}

/** Runs `work` in one database transaction: everything it writes is committed together or not at all. */
export type InTransaction = <Result>(work: (repositories: TransactionRepositories) => Promise<Result>) => Promise<Result>

export function createUnitOfWork(prisma: PrismaClient, { maxAttempts = 3 }: { maxAttempts?: number } = {}): InTransaction {
  return async function inTransaction(work) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await prisma.$transaction((tx) =>
          work({ accounts: createAccountsRepository(tx), history: createAccountHistoryRepository(tx), outbox: createOutboxRepository(tx) })
        )
      } catch (error) {
        // A deadlock or write conflict rolled everything back, so running the work again is safe.
        if (attempt >= maxAttempts || !isTransientConflict(error)) throw error
      }
    }
  }
}
