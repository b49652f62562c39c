import type { Prisma } from '../generated/prisma/client.js'
import type { CatalogEvent } from '../domain/product-events.js'

/** An event as the relay delivers it. */
export interface OutboxMessage {
  id: number
  type: string
  sku: string
  payload: unknown
  createdAt: Date
  /** Including the attempt in progress. */
  attempts: number
}

export type OutboxStatus = 'pending' | 'published' | 'failed'

export interface OutboxEntry extends OutboxMessage {
  status: OutboxStatus
  lastError: string | null
  availableAt: Date
  publishedAt: Date | null
  failedAt: Date | null
}

export interface OutboxFilter {
  status?: OutboxStatus
  /** Only the events about this product. */
  sku?: string
}

const whereStatus: Record<OutboxStatus, Prisma.OutboxEventWhereInput> = {
  pending: { publishedAt: null, failedAt: null },
  published: { publishedAt: { not: null } },
  failed: { failedAt: { not: null } }
}

function statusOf(row: { publishedAt: Date | null; failedAt: Date | null }): OutboxStatus {
  if (row.publishedAt) return 'published'
  return row.failedAt ? 'failed' : 'pending'
}

// Times are set with the database's clock throughout, so that several relays on machines
// whose clocks drift still agree on which claims have expired.
export function createOutboxRepository(db: Prisma.TransactionClient) {
  return {
    /** Called inside the transaction of the change the events describe. */
    async append(events: CatalogEvent[]): Promise<void> {
      if (events.length === 0) return
      await db.outboxEvent.createMany({
        data: events.map((event) => ({ type: event.type, sku: event.sku, payload: event.data as Prisma.InputJsonObject }))
      })
    },

    /**
     * Claims up to `limit` due events, oldest first, for `leaseSeconds`. SKIP LOCKED lets
     * several relays claim side by side; an expired lease (a relay that died) frees the event.
     */
    async claimDue(limit: number, leaseSeconds: number): Promise<OutboxMessage[]> {
      return db.$queryRaw<OutboxMessage[]>`
        WITH claimed AS (
          UPDATE outbox_events
          SET locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
          WHERE id IN (
            SELECT id FROM outbox_events
            WHERE published_at IS NULL AND failed_at IS NULL AND available_at <= now()
              AND (locked_until IS NULL OR locked_until < now())
            ORDER BY id
            LIMIT ${limit}
            FOR UPDATE SKIP LOCKED
          )
          RETURNING id, type, sku, payload, created_at, attempts
        )
        SELECT id, type, sku, payload, created_at AS "createdAt", attempts FROM claimed ORDER BY id`
    },

    async markPublished(id: number): Promise<void> {
      await db.$executeRaw`UPDATE outbox_events SET published_at = now(), locked_until = NULL, last_error = NULL WHERE id = ${id}`
    },

    async reschedule(id: number, delayMs: number, error: string): Promise<void> {
      await db.$executeRaw`
        UPDATE outbox_events
        SET available_at = now() + make_interval(secs => ${delayMs / 1000}), locked_until = NULL, last_error = ${error}
        WHERE id = ${id}`
    },

    async markFailed(id: number, error: string): Promise<void> {
      await db.$executeRaw`UPDATE outbox_events SET failed_at = now(), locked_until = NULL, last_error = ${error} WHERE id = ${id}`
    },

    /** Puts a failed event back in line with a fresh set of attempts. False when it has not failed. */
    async retry(id: number): Promise<boolean> {
      const count = await db.$executeRaw`
        UPDATE outbox_events
        SET failed_at = NULL, attempts = 0, available_at = now(), locked_until = NULL
        WHERE id = ${id} AND failed_at IS NOT NULL`
      return count > 0
    },

    async exists(id: number): Promise<boolean> {
      return (await db.outboxEvent.count({ where: { id } })) > 0
    },

    /** Newest first, one extra row to tell whether another page follows. */
    async list({ status, sku, limit, before }: OutboxFilter & { limit: number; before?: number }): Promise<OutboxEntry[]> {
      const rows = await db.outboxEvent.findMany({
        where: {
          ...(status ? whereStatus[status] : {}),
          ...(sku ? { sku } : {}),
          ...(before === undefined ? {} : { id: { lt: before } })
        },
        orderBy: { id: 'desc' },
        take: limit + 1
      })
      return rows.map((row) => ({ ...row, status: statusOf(row) }))
    },

    async countPending(): Promise<number> {
      return db.outboxEvent.count({ where: whereStatus.pending })
    }
  }
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>
