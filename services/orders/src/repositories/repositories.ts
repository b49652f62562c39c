import type { OrderEventType } from '../domain/order-events.js'
import type { Prisma, PrismaClient } from '../generated/prisma/client.js'
import { createOrdersRepository, type OrdersRepository } from './orders-repository.js'
import { createOutboxRepository, type OutboxRepository } from './outbox-repository.js'
import { createStatusChangesRepository, type StatusChangesRepository } from './status-changes-repository.js'
import { createStockRepository, type StockRepository } from './stock-repository.js'

export interface Repositories {
  orders: OrdersRepository
  statusChanges: StatusChangesRepository
  outbox: OutboxRepository
  stock: StockRepository
}

export interface RepositoryOptions {
  /** The event types the outbox records (`WEBHOOK_EVENTS`); every type when absent. */
  eventTypes?: readonly OrderEventType[]
}

export function createRepositories(prisma: Prisma.TransactionClient, { eventTypes }: RepositoryOptions = {}): Repositories {
  return {
    orders: createOrdersRepository(prisma),
    statusChanges: createStatusChangesRepository(prisma),
    outbox: createOutboxRepository(prisma, eventTypes),
    stock: createStockRepository(prisma)
  }
}

/** Runs `work` with repositories bound to one transaction: all of its writes commit, or none. */
export type InTransaction = <T>(work: (repositories: Repositories) => Promise<T>) => Promise<T>

export function transactionRunner(prisma: PrismaClient, options: RepositoryOptions = {}): InTransaction {
  return (work) => prisma.$transaction((tx) => work(createRepositories(tx, options)))
}
