import type { Prisma } from '../generated/prisma/client.js'
import type { Db } from './database.js'

/** The provider's payments of one currency on one UTC day. */
export interface FeeDayRow {
  currency: string
  /** YYYY-MM-DD, UTC */
  date: string
  payments: number
  amountCents: bigint
  fees: Prisma.Decimal
}

export function createReportRepository(db: Db) {
  return {
    /**
     * The provider's payments in [start, end), per currency and UTC day, ordered by both: every
     * event the provider reported, whatever became of it here (it charged its fee either way).
     */
    feesByDay(start: Date, end: Date): Promise<FeeDayRow[]> {
      return db.$queryRaw<FeeDayRow[]>`
        SELECT currency,
               to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date,
               count(*)::int AS payments,
               sum(amount_cents) AS "amountCents",
               sum(fee) AS fees
          FROM provider_events
         WHERE occurred_at >= ${start} AND occurred_at < ${end}
         GROUP BY 1, 2
         ORDER BY 1, 2`
    }
  }
}

export type ReportRepository = ReturnType<typeof createReportRepository>
