import { randomUUID } from 'node:crypto'
import { ORDER_EVENT_TYPES, type OrderEvent, type OrderEventPayload, type OrderEventType } from '../domain/order-events.js'
import { deliverableInOrder } from '../domain/outbox-ordering.js'
import type { OutboxEvent, Prisma } from '../generated/prisma/client.js'

/** An event this relay holds the lease of; only the holder of `leaseToken` may settle it. */
export interface LeasedEvent {
  id: number
  type: string
  orderId: number
  payload: OrderEventPayload
  attempts: number
  leaseToken: string
}

export interface OutboxStats {
  pending: number
  delivered: number
  failed: number
  oldestPendingAt: Date | null
}

const pending = { deliveredAt: null, failedAt: null } satisfies Prisma.OutboxEventWhereInput

function notLeased(now: Date): Prisma.OutboxEventWhereInput {
  return { OR: [{ leasedUntil: null }, { leasedUntil: { lt: now } }] }
}

/** `eventTypes`: the types the webhook partner subscribes to (`WEBHOOK_EVENTS`); others are not recorded. */
export function createOutboxRepository(prisma: Prisma.TransactionClient, eventTypes: readonly OrderEventType[] = ORDER_EVENT_TYPES) {
  const recorded = new Set<string>(eventTypes)
  return {
    /** Call inside the transaction that makes the change the event announces. */
    async add({ type, orderId, payload }: OrderEvent): Promise<void> {
      if (!recorded.has(type)) return
      await prisma.outboxEvent.create({ data: { type, orderId, payload } })
    },

    /**
     * Leases up to `limit` events that are due, oldest first and at most one per order (see
     * `deliverableInOrder`). The lease is a token written with a conditional update, so of
     * two relays racing for an event exactly one gets it; an expired lease (a relay that
     * died mid-delivery) makes the event available again.
     */
    async leaseDue({ now, limit, leaseMs }: { now: Date; limit: number; leaseMs: number }): Promise<LeasedEvent[]> {
      const due = await prisma.outboxEvent.findMany({
        where: { ...pending, nextAttemptAt: { lte: now }, ...notLeased(now) },
        select: { id: true, orderId: true },
        orderBy: { id: 'asc' },
        take: limit
      })
      if (due.length === 0) return []
      const earliest = await prisma.outboxEvent.groupBy({
        by: ['orderId'],
        where: { ...pending, orderId: { in: due.map((event) => event.orderId) } },
        _min: { id: true }
      })
      const earliestPending = new Map(earliest.map((group) => [group.orderId, group._min.id ?? 0]))
      const ids = deliverableInOrder(due, earliestPending).map((event) => event.id)
      const leaseToken = randomUUID()
      await prisma.outboxEvent.updateMany({
        where: { id: { in: ids }, ...pending, ...notLeased(now) },
        data: { leaseToken, leasedUntil: new Date(now.getTime() + leaseMs) }
      })
      const leased = await prisma.outboxEvent.findMany({ where: { leaseToken }, orderBy: { id: 'asc' } })
      return leased.map((event) => ({
        id: event.id,
        type: event.type,
        orderId: event.orderId,
        payload: event.payload as unknown as OrderEventPayload,
        attempts: event.attempts,
        leaseToken
      }))
    },

    async markDelivered({ id, leaseToken }: LeasedEvent, at: Date): Promise<void> {
      await prisma.outboxEvent.updateMany({
        where: { id, leaseToken },
        data: { deliveredAt: at, attempts: { increment: 1 }, lastError: null, leaseToken: null, leasedUntil: null }
      })
    },

    async scheduleRetry({ id, leaseToken }: LeasedEvent, { nextAttemptAt, error }: { nextAttemptAt: Date; error: string }): Promise<void> {
      await prisma.outboxEvent.updateMany({
        where: { id, leaseToken },
        data: { nextAttemptAt, lastError: error, attempts: { increment: 1 }, leaseToken: null, leasedUntil: null }
      })
    },

    async markFailed({ id, leaseToken }: LeasedEvent, { at, error }: { at: Date; error: string }): Promise<void> {
      await prisma.outboxEvent.updateMany({
        where: { id, leaseToken },
        data: { failedAt: at, lastError: error, attempts: { increment: 1 }, leaseToken: null, leasedUntil: null }
      })
    },

    async findById(id: number): Promise<OutboxEvent | null> {
      return prisma.outboxEvent.findUnique({ where: { id } })
    },

    /** Puts a failed event back in the queue, due now, with a fresh count of attempts. */
    async requeue(id: number, now: Date): Promise<boolean> {
      const { count } = await prisma.outboxEvent.updateMany({
        where: { id, failedAt: { not: null } },
        data: { failedAt: null, attempts: 0, nextAttemptAt: now }
      })
      return count === 1
    },

    /** Deletes up to `limit` of the oldest events delivered before `deliveredBefore`; resolves with how many. */
    async deleteDelivered({ deliveredBefore, limit }: { deliveredBefore: Date; limit: number }): Promise<number> {
      const old = await prisma.outboxEvent.findMany({
        where: { deliveredAt: { lt: deliveredBefore } },
        select: { id: true },
        orderBy: { id: 'asc' },
        take: limit
      })
      if (old.length === 0) return 0
      const { count } = await prisma.outboxEvent.deleteMany({ where: { id: { in: old.map((event) => event.id) } } })
      return count
    },

    async stats(): Promise<OutboxStats> {
      const [pendingCount, delivered, failed, oldest] = await Promise.all([
        prisma.outboxEvent.count({ where: pending }),
        prisma.outboxEvent.count({ where: { deliveredAt: { not: null } } }),
        prisma.outboxEvent.count({ where: { failedAt: { not: null } } }),
        prisma.outboxEvent.findFirst({ where: pending, orderBy: { id: 'asc' }, select: { createdAt: true } })
      ])
      return { pending: pendingCount, delivered, failed, oldestPendingAt: oldest?.createdAt ?? null }
    }
  }
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>
