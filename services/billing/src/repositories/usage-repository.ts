import type { DayRange } from '../domain/day-range.js'
import { UnknownMeterError } from '../domain/errors.js'
import type { MeterUsage } from '../domain/invoice-pricing.js'
import type { Prisma, UsageEvent } from '../generated/prisma/client.js'
import { FOREIGN_KEY_VIOLATION, isPrismaError, type Db } from './database.js'

export interface NewUsageEvent {
  customerId: string
  meterCode: string
  quantity: number
  occurredAt: Date
  period: string
  idempotencyKey: string | null
  recordedBy: string | null
}

export interface UsageListQuery {
  period?: string
  meterCode?: string
  limit: number
  /** Continue after this event, in the list's order (newest first). */
  after?: { occurredAt: Date; id: number }
}

export type UsageRepository = ReturnType<typeof createUsageRepository>

export function createUsageRepository(db: Db) {
  return {
    async create(usage: NewUsageEvent): Promise<UsageEvent> {
      try {
        return await db.usageEvent.create({ data: usage })
      } catch (error) {
        if (isPrismaError(error, FOREIGN_KEY_VIOLATION)) throw new UnknownMeterError(usage.meterCode)
        throw error
      }
    },

    findByIdempotencyKey(customerId: string, idempotencyKey: string): Promise<UsageEvent | null> {
      return db.usageEvent.findUnique({ where: { customerId_idempotencyKey: { customerId, idempotencyKey } } })
    },

    /** What the customer used of each meter in the period, in meter order. */
    async totalsByMeter(customerId: string, period: string): Promise<MeterUsage[]> {
      const groups = await db.usageEvent.groupBy({
        by: ['meterCode'],
        where: { customerId, period },
        _sum: { quantity: true },
        orderBy: { meterCode: 'asc' }
      })
      return groups.map((group) => ({ meterCode: group.meterCode, quantity: group._sum.quantity ?? 0 }))
    },

    /** What the customer used of each meter on the range's days (of one meter, given its code), in meter order. */
    async totalsForDays(customerId: string, range: DayRange, meterCode?: string): Promise<MeterUsage[]> {
      const groups = await db.usageEvent.groupBy({
        by: ['meterCode'],
        where: { customerId, meterCode, occurredAt: { gte: range.from, lt: range.end } },
        _sum: { quantity: true },
        orderBy: { meterCode: 'asc' }
      })
      return groups.map((group) => ({ meterCode: group.meterCode, quantity: group._sum.quantity ?? 0 }))
    },

    /** One page of the customer's usage, newest first, plus one more row to tell whether another page follows. */
    listForCustomer(customerId: string, { period, meterCode, limit, after }: UsageListQuery): Promise<UsageEvent[]> {
      const where: Prisma.UsageEventWhereInput = { customerId, period, meterCode }
      if (after) {
        where.OR = [{ occurredAt: { lt: after.occurredAt } }, { occurredAt: after.occurredAt, id: { lt: after.id } }]
      }
      return db.usageEvent.findMany({ where, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: limit + 1 })
    }
  }
}
