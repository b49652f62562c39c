import { Prisma } from '../generated/prisma/client.js'
import { parseMonth } from '../domain/statement-month.js'
import type { Db } from '../repositories/database.js'
import { createReportRepository } from '../repositories/report-repository.js'

export interface FeeDay {
  date: string
  payments: number
  amountCents: number
  fees: Prisma.Decimal
}

/** One currency's payments in the month: what the customers paid, what the provider kept, what it pays out. */
export interface CurrencyFees {
  currency: string
  payments: number
  amountCents: number
  fees: Prisma.Decimal
  netCents: number
  days: FeeDay[]
}

export interface FeesReport {
  month: string
  currencies: CurrencyFees[]
}

export function createReportService({ db }: { db: Db }) {
  const reports = createReportRepository(db)

  return {
    /** The provider's fees of a calendar month (UTC), per currency, with the days that had payments. */
    async providerFees(monthLabel: string): Promise<FeesReport> {
      const month = parseMonth(monthLabel)
      const rows = await reports.feesByDay(month.start, month.end)
      const days = new Map<string, FeeDay[]>()
      for (const row of rows) {
        const day = { date: row.date, payments: row.payments, amountCents: Number(row.amountCents), fees: row.fees }
        days.set(row.currency, [...(days.get(row.currency) ?? []), day])
      }
      const currencies = [...days].map(([currency, list]): CurrencyFees => {
        const amountCents = list.reduce((sum, day) => sum + day.amountCents, 0)
        const fees = list.reduce((sum, day) => sum.plus(day.fees), new Prisma.Decimal(0))
        return {
          currency,
          payments: list.reduce((sum, day) => sum + day.payments, 0),
          amountCents,
          fees,
          netCents: amountCents - fees.times(100).toNumber(),
          days: list
        }
      })
      return { month: month.label, currencies }
    }
  }
}

export type ReportService = ReturnType<typeof createReportService>
