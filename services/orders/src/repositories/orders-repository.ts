import { OrderNotFoundError } from '../domain/errors.js'
import type { StatusTotals } from '../domain/customer-summary.js'
import type { OrderFilter, PageRequest } from '../domain/listing.js'
import type { OrderStatus } from '../domain/order-status.js'
import type { Order, OrderLine, Prisma } from '../generated/prisma/client.js'

export type OrderWithLines = Order & { lines: OrderLine[] }

export interface NewOrderLine {
  sku: string
  quantity: number
  unitPriceCents: number
}

export interface NewOrder {
  customerId: string
  totalCents: number
  lines: readonly NewOrderLine[]
  placedBy?: string
  idempotencyKey?: string
}

/** Lines come back in the order they were placed. */
const withLines = { lines: { orderBy: { id: 'asc' } } } satisfies Prisma.OrderInclude

/** Archived orders are kept for accounting but never listed. */
const listed: Prisma.OrderWhereInput = { archivedAt: null }

export function createOrdersRepository(prisma: Prisma.TransactionClient) {
  async function findById(id: number): Promise<OrderWithLines> {
    const order = await prisma.order.findFirst({ where: { id, archivedAt: null }, include: withLines })
    if (!order) throw new OrderNotFoundError(id)
    return order
  }

  return {
    /** A live order; an archived one is not found. */
    findById,

    async findByIdempotencyKey(placedBy: string, idempotencyKey: string): Promise<OrderWithLines | null> {
      return prisma.order.findUnique({ where: { placedBy_idempotencyKey: { placedBy, idempotencyKey } }, include: withLines })
    },

    async create({ lines, ...order }: NewOrder): Promise<OrderWithLines> {
      return prisma.order.create({ data: { ...order, lines: { create: [...lines] } }, include: withLines })
    },

    /** Newest first; `page.before` continues after that order. */
    async list(filter: OrderFilter, { limit, before }: PageRequest): Promise<OrderWithLines[]> {
      return prisma.order.findMany({
        where: { ...listed, ...filter },
        include: withLines,
        orderBy: { id: 'desc' },
        take: limit,
        ...(before !== undefined && { cursor: { id: before }, skip: 1 })
      })
    },

    /**
     * Moves the order from `from` to `to` only if it is still `from`, so of two concurrent
     * changes one wins and the other sees the status it lost to. Null when it was not `from`.
     */
    async changeStatus(id: number, from: OrderStatus, to: OrderStatus): Promise<OrderWithLines | null> {
      const { count } = await prisma.order.updateMany({ where: { id, status: from, archivedAt: null }, data: { status: to } })
      return count === 1 ? findById(id) : null
    },

    /** False when the order was archived meanwhile. */
    async archive(id: number, at: Date): Promise<boolean> {
      const { count } = await prisma.order.updateMany({ where: { id, archivedAt: null }, data: { archivedAt: at } })
      return count === 1
    },

    async statusTotals(customerId: string): Promise<StatusTotals[]> {
      const groups = await prisma.order.groupBy({
        by: ['status'],
        where: { customerId, archivedAt: null },
        _count: { _all: true },
        _sum: { totalCents: true },
        _max: { createdAt: true }
      })
      return groups.map((group) => ({
        status: group.status,
        orders: group._count._all,
        totalCents: group._sum.totalCents ?? 0,
        lastPlacedAt: group._max.createdAt
      }))
    }
  }
}

export type OrdersRepository = ReturnType<typeof createOrdersRepository>
