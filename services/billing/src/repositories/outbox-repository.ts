import type { BillingEvent } from '../domain/billing-events.js'
import type { Prisma } from '../generated/prisma/client.js'
import type { Db } from './database.js'

/** An event the relay has claimed and must now deliver. */
export interface ClaimedEvent {
  id: number
  type: string
  aggregateId: string
  payload: unknown
  createdAt: Date
  /** Deliveries tried before this one. */
  attempts: number
}

interface ClaimedRow {
  id: number
  type: string
  aggregate_id: string
  payload: unknown
  created_at: Date
  attempts: number
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>

export function createOutboxRepository(db: Db) {
  return {
    /** Call inside the transaction of the change the event describes. */
    async enqueue({ type, aggregateId, payload }: BillingEvent): Promise<void> {
      await db.outboxEvent.create({ data: { type, aggregateId, payload: payload as Prisma.InputJsonObject } })
    },

    /**
     * Claims up to `limit` due events by pushing their `available_at` past the lease, in one
     * statement: another relay (another instance of the service) skips locked rows and no longer
     * sees claimed ones as due, and if this process dies the lease runs out and they are due again.
     */
    async claimDue(limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
      const rows = await db.$queryRaw<ClaimedRow[]>`
        UPDATE outbox_events SET available_at = now() + make_interval(secs => ${leaseMs / 1000})
        WHERE id IN (
          SELECT id FROM outbox_events
          WHERE delivered_at IS NULL AND failed_at IS NULL AND available_at <= now()
          ORDER BY id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING id, type, aggregate_id, payload, created_at, attempts`
      return rows
        .map((row) => ({ id: row.id, type: row.type, aggregateId: row.aggregate_id, payload: row.payload, createdAt: row.created_at, attempts: row.attempts }))
        .sort((a, b) => a.id - b.id)
    },

    async markDelivered(id: number, deliveredAt: Date): Promise<void> {
      await db.outboxEvent.update({ where: { id }, data: { deliveredAt, attempts: { increment: 1 }, lastError: null } })
    },

    async scheduleRetry(id: number, error: string, availableAt: Date): Promise<void> {
      await db.outboxEvent.update({ where: { id }, data: { availableAt, attempts: { increment: 1 }, lastError: error } })
    },

    async markFailed(id: number, error: string, failedAt: Date): Promise<void> {
      await db.outboxEvent.update({ where: { id }, data: { failedAt, attempts: { increment: 1 }, lastError: error } })
    }
  }
}
