import type { ProviderEvent } from '../generated/prisma/client.js'
import type { Db } from './database.js'

export interface IncomingEvent {
  eventId: string
  type: string
  paymentId: string
  customerId: string
  amountCents: number
  currency: string
  /** The provider's fee, a decimal string as it writes it; 0 when it sends none. */
  fee?: string
  occurredAt: Date
}

/** What a delivery did to the inbox. */
export type DeliveryOutcome = 'recorded' | 'requeued' | 'duplicate'

export function createInboxRepository(db: Db) {
  return {
    /**
     * Records a delivery: a new event waits for the worker; a delivery of an event that failed
     * puts it back in the queue (the wallet may exist by now); any other delivery is counted
     * and changes nothing.
     */
    async record(event: IncomingEvent): Promise<DeliveryOutcome> {
      const { count } = await db.providerEvent.createMany({ data: [event], skipDuplicates: true })
      if (count === 1) return 'recorded'
      const requeued = await db.providerEvent.updateMany({
        where: { eventId: event.eventId, status: 'failed' },
        data: { status: 'pending', lastError: null, deliveries: { increment: 1 } }
      })
      if (requeued.count === 1) return 'requeued'
      await db.providerEvent.updateMany({ where: { eventId: event.eventId }, data: { deliveries: { increment: 1 } } })
      return 'duplicate'
    },

    /** The oldest pending events, at most `limit`. */
    async pending(limit: number): Promise<bigint[]> {
      const rows = await db.providerEvent.findMany({ where: { status: 'pending' }, orderBy: { id: 'asc' }, take: limit, select: { id: true } })
      return rows.map((row) => row.id)
    },

    find(id: bigint): Promise<ProviderEvent | null> {
      return db.providerEvent.findUnique({ where: { id } })
    },

    /**
     * Locks a pending event until the transaction ends; null if it is applied already or another
     * worker holds it.
     */
    async claim(id: bigint): Promise<ProviderEvent | null> {
      const [row] = await db.$queryRaw<{ id: bigint }[]>`SELECT id FROM provider_events WHERE id = ${id} AND status = 'pending' FOR UPDATE SKIP LOCKED`
      return row ? db.providerEvent.findUnique({ where: { id: row.id } }) : null
    },

    async markApplied(id: bigint, at: Date): Promise<void> {
      await db.providerEvent.update({ where: { id }, data: { status: 'applied', appliedAt: at, lastError: null } })
    },

    async markFailed(id: bigint, reason: string): Promise<void> {
      await db.providerEvent.update({ where: { id }, data: { status: 'failed', lastError: reason } })
    }
  }
}

export type InboxRepository = ReturnType<typeof createInboxRepository>
