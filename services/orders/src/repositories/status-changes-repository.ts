import type { OrderStatus } from '../domain/order-status.js'
import type { OrderStatusChange, Prisma } from '../generated/prisma/client.js'

export interface NewStatusChange {
  orderId: number
  /** Absent for the order's first status, when it is placed. */
  fromStatus?: OrderStatus
  toStatus: OrderStatus
  changedBy?: string
  reason?: string
  changedAt: Date
}

export function createStatusChangesRepository(prisma: Prisma.TransactionClient) {
  return {
    async record(change: NewStatusChange): Promise<void> {
      await prisma.orderStatusChange.create({ data: change })
    },

    /** Oldest first: the order's story as it happened. */
    async forOrder(orderId: number): Promise<OrderStatusChange[]> {
      return prisma.orderStatusChange.findMany({ where: { orderId }, orderBy: { id: 'asc' } })
    }
  }
}

export type StatusChangesRepository = ReturnType<typeof createStatusChangesRepository>
