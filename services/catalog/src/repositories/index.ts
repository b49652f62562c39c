import type { Prisma, PrismaClient } from '../generated/prisma/client.js'
import { createOutboxRepository } from './outbox-repository.js'
import { createPriceChangesRepository } from './price-changes-repository.js'
import { createProductsRepository } from './products-repository.js'
import { createStockMovementsRepository } from './stock-movements-repository.js'

/** Every repository, bound to one client: the app's, or a transaction's. */
export function createRepositories(db: Prisma.TransactionClient) {
  return {
    products: createProductsRepository(db),
    stockMovements: createStockMovementsRepository(db),
    priceChanges: createPriceChangesRepository(db),
    outbox: createOutboxRepository(db)
  }
}

export type Repositories = ReturnType<typeof createRepositories>

/** Runs `work` in one database transaction with repositories bound to it; it commits when `work` resolves. */
export type UnitOfWork = <T>(work: (repositories: Repositories) => Promise<T>) => Promise<T>

export function createUnitOfWork(prisma: PrismaClient): UnitOfWork {
  // Edits of one product queue on its row lock; leave them room to wait for each other.
  return (work) => prisma.$transaction((tx) => work(createRepositories(tx)), { maxWait: 5_000, timeout: 15_000 })
}
