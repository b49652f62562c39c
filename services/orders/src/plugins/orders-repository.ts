import fp from 'fastify-plugin'
import { OrderNotFoundError, StatusChangeError } from '../domain/errors.js'
import { canChangeStatus } from '../domain/order-status.js'
import { orderTotal, type PricedLine } from '../domain/order-total.js'
import type { Order, OrderLine, OrderStatus, Prisma } from '../generated/prisma/client.js'

export type OrderWithLines = Order & { lines: OrderLine[] }

export interface NewOrder {
  customerId: string
  lines: (PricedLine & { sku: string })[]
}

export interface OrderFilter {
  status?: OrderStatus
  customerId?: string
  limit: number
  /** Continue after this order id (the listing is newest first). */
  before?: number
}

declare module 'fastify' {
  interface FastifyInstance {
    ordersRepository: ReturnType<typeof createOrdersRepository>
  }
}

const listDefaults = {
  where: { archivedAt: null } as Prisma.OrderWhereInput,
  include: { lines: true },
  orderBy: { id: 'desc' } as const
}

export function createOrdersRepository(prisma: Prisma.TransactionClient) {
  async function findById(id: number): Promise<OrderWithLines> {
    const order = await prisma.order.findFirst({ where: { id, archivedAt: null }, include: { lines: true } })
    if (!order) throw new OrderNotFoundError(id)
    return order
  }

  return {
    findById,

    async create({ customerId, lines }: NewOrder): Promise<OrderWithLines> {
      return prisma.order.create({
        data: { customerId, totalCents: orderTotal(lines), lines: { create: lines } },
        include: { lines: true }
      })
    },

    async list({ status, customerId, limit, before }: OrderFilter): Promise<OrderWithLines[]> {
      const query = { ...listDefaults, take: limit, ...(before ? { cursor: { id: before }, skip: 1 } : {}) }
      if (status) query.where.status = status
      if (customerId) query.where.customerId = customerId
      return prisma.order.findMany(query)
    },

    async changeStatus(id: number, status: OrderStatus): Promise<OrderWithLines> {
      const order = await findById(id)
      if (!canChangeStatus(order.status, status)) throw new StatusChangeError(order.status, status)
      return prisma.order.update({ where: { id }, data: { status }, include: { lines: true } })
    },

    async archive(id: number): Promise<void> {
      await findById(id)
      await prisma.order.update({ where: { id }, data: { archivedAt: new Date() } })
    }
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('ordersRepository', createOrdersRepository(fastify.prisma))
  },
  { name: 'orders-repository', dependencies: ['prisma'] }
)
