import type { Prisma, PrismaClient } from '../generated/prisma/client.js'
import { createOrdersRepository, type OrdersRepository } from './orders-repository.js'
import { createOutboxRepository, type OutboxRepository } from './outbox-repository.js'
import { createStatusChangesRepository, type StatusChangesRepository } from './status-changes-repository.js'

export interface Repositories {
  orders: OrdersRepository
  statusChanges: StatusChangesRepository
  outbox: OutboxRepository
}

export function createRepositories(prisma: Prisma.TransactionClient): Repositories {
  return {
    orders: createOrdersRepository(prisma),
    statusChanges: createStatusChangesRepository(prisma),
    outbox: createOutboxRepository(prisma)
  }
}

/** Runs `work` with repositories bound to one transaction: all of its writes commit, or none. */
export type InTransaction = <T>(work: (repositories: Repositories) => Promise<T>) => Promise<T>

export function transactionRunner(prisma: PrismaClient): InTransaction {
  return (work) => prisma.$transaction((tx) => work(createRepositories(tx)))
}
