import type { AccountAnnouncement } from '../domain/account-events.js'
import type { Prisma } from '../generated/prisma/client.js'

export interface OutboxMessage {
  id: bigint
  topic: string
  aggregateId: string
  payload: unknown
  createdAt: Date
  /** Including the delivery now under way. */
  attempts: number
}

export function createOutboxRepository(db: Prisma.TransactionClient) {
  return {
    /** Call inside the transaction that makes the change the message announces. */
    async enqueue({ topic, aggregateId, payload }: AccountAnnouncement): Promise<void> {
      await db.outboxMessage.create({ data: { topic, aggregateId, payload: payload as Prisma.InputJsonObject } })
    },

    /**
     * Takes up to `limit` due messages, oldest first, and hides them from other relays for
     * `leaseMs` by moving their `available_at` forward. SKIP LOCKED lets several instances claim
     * at once without waiting on each other or taking the same message.
     */
    claimDue({ limit, leaseMs }: { limit: number; leaseMs: number }): Promise<OutboxMessage[]> {
      // Prisma stores DateTime as UTC in columns without a time zone, so compare with UTC, not the
      // session's zone. UPDATE ... RETURNING gives rows in no particular order; the SELECT restores it.
      return db.$queryRaw<OutboxMessage[]>`
        WITH claimed AS (
          UPDATE outbox_messages
             SET available_at = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8), attempts = attempts + 1
           WHERE id IN (
                 SELECT id FROM outbox_messages
                  WHERE published_at IS NULL AND failed_at IS NULL AND available_at <= (now() AT TIME ZONE 'UTC')
                  ORDER BY id
                  LIMIT ${limit}
                    FOR UPDATE SKIP LOCKED)
       RETURNING id, topic, aggregate_id, payload, created_at, attempts)
        SELECT id, topic, aggregate_id AS "aggregateId", payload, created_at AS "createdAt", attempts
          FROM claimed
         ORDER BY id`
    },

    async markPublished(id: bigint): Promise<void> {
      await db.outboxMessage.update({ where: { id }, data: { publishedAt: new Date(), lastError: null } })
    },

    async retryLater(id: bigint, { delayMs, error }: { delayMs: number; error: string }): Promise<void> {
      await db.outboxMessage.update({ where: { id }, data: { availableAt: new Date(Date.now() + delayMs), lastError: error } })
    },

    async markFailed(id: bigint, error: string): Promise<void> {
      await db.outboxMessage.update({ where: { id }, data: { failedAt: new Date(), lastError: error } })
    }
  }
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>
