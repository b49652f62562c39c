import { BillingPeriod } from '../domain/billing-period.js'
import { DayRange } from '../domain/day-range.js'
import { IdempotencyKeyReusedError, PeriodInvoicedError, UsageInFutureError } from '../domain/errors.js'
import { priceUsage, type PricedLine } from '../domain/invoice-pricing.js'
import type { TaxRate } from '../domain/tax-rate.js'
import { decodeCursor, toPage, type Page } from '../domain/page-cursor.js'
import type { UsageEvent } from '../generated/prisma/client.js'
import { cached } from '../lib/ttl-cache.js'
import { lockCustomerPeriod, type TransactionRunner } from '../repositories/database.js'
import { createInvoiceRepository, type InvoiceRepository } from '../repositories/invoice-repository.js'
import type { MeterRepository } from '../repositories/meter-repository.js'
import type { TaxRateRepository } from '../repositories/tax-rate-repository.js'
import { createUsageRepository, type UsageRepository } from '../repositories/usage-repository.js'
import { customerPeriodKey, type BillingCaches } from './billing-caches.js'

/** Reporters' clocks drift; usage a little ahead of ours is still accepted. */
const CLOCK_SKEW_MS = 5 * 60_000

export interface UsageReport {
  customerId: string
  meter: string
  quantity: number
  occurredAt: Date
  idempotencyKey?: string
}

export interface RecordedUsage {
  event: UsageEvent
  /** True when the idempotency key matched usage recorded earlier: nothing new was stored. */
  replayed: boolean
}

/** What a period would be invoiced at on the customer's terms today and at its tax rate. */
export interface UsageSummary {
  customerId: string
  period: string
  lines: PricedLine[]
  subtotalCents: number
  taxRate: TaxRate
  taxCents: number
  totalCents: number
  invoiced: boolean
}

/** What some days' usage comes to at today's prices. */
export interface RangeReport {
  customerId: string
  range: DayRange
  meter: string | null
  lines: PricedLine[]
  totalCents: number
}

export interface RangeReportOptions {
  /** The first and the last day, "YYYY-MM-DD" in UTC, both included. */
  from: string
  to: string
  meter?: string
}

export interface UsageListOptions {
  period?: string
  meter?: string
  limit: number
  cursor?: string
}

export interface UsageServiceDeps {
  usage: UsageRepository
  meters: MeterRepository
  invoices: InvoiceRepository
  taxRates: TaxRateRepository
  transaction: TransactionRunner
  caches: BillingCaches
  now?: () => Date
}

interface UsagePosition extends Record<string, string | number> {
  occurredAt: string
  id: number
}

const isUsagePosition = (value: Record<string, unknown>): value is UsagePosition =>
  typeof value.occurredAt === 'string' && !Number.isNaN(Date.parse(value.occurredAt)) && Number.isInteger(value.id)

const sameUsage = (event: UsageEvent, report: UsageReport) =>
  event.meterCode === report.meter && event.quantity === report.quantity && event.occurredAt.getTime() === report.occurredAt.getTime()

export type UsageService = ReturnType<typeof createUsageService>

export function createUsageService({ usage, meters, invoices, taxRates, transaction, caches, now = () => new Date() }: UsageServiceDeps) {
  return {
    /**
     * Records usage in the billing period it occurred in. A period that has been invoiced is
     * closed: its invoice is final, so late usage for it is refused rather than lost silently.
     */
    async record(report: UsageReport, recordedBy: string | null): Promise<RecordedUsage> {
      if (report.occurredAt.getTime() > now().getTime() + CLOCK_SKEW_MS) throw new UsageInFutureError(report.occurredAt)
      const period = BillingPeriod.containing(report.occurredAt).label
      const recorded = await transaction(async (db) => {
        await lockCustomerPeriod(db, report.customerId, period)
        const repository = createUsageRepository(db)
        if (report.idempotencyKey !== undefined) {
          const earlier = await repository.findByIdempotencyKey(report.customerId, report.idempotencyKey)
          if (earlier && !sameUsage(earlier, report)) throw new IdempotencyKeyReusedError(report.idempotencyKey)
          if (earlier) return { event: earlier, replayed: true }
        }
        if (await createInvoiceRepository(db).exists(report.customerId, period)) throw new PeriodInvoicedError(report.customerId, period)
        const event = await repository.create({
          customerId: report.customerId,
          meterCode: report.meter,
          quantity: report.quantity,
          occurredAt: report.occurredAt,
          period,
          idempotencyKey: report.idempotencyKey ?? null,
          recordedBy
        })
        return { event, replayed: false }
      })
      if (!recorded.replayed) caches.usageSummaries.delete(customerPeriodKey(report.customerId, period))
      return recorded
    },

    async list(customerId: string, { period, meter, limit, cursor }: UsageListOptions): Promise<Page<UsageEvent>> {
      const after = cursor === undefined ? undefined : decodeCursor(cursor, isUsagePosition)
      const rows = await usage.listForCustomer(customerId, {
        period,
        meterCode: meter,
        limit,
        after: after && { occurredAt: new Date(after.occurredAt), id: after.id }
      })
      return toPage(rows, limit, (row) => row, (row) => ({ occurredAt: row.occurredAt.toISOString(), id: row.id }))
    },

    /** The invoice preview: the period's usage so far, priced on the customer's terms today and taxed at its rate. */
    summary(customerId: string, periodLabel: string): Promise<UsageSummary> {
      const period = BillingPeriod.parse(periodLabel).label
      return cached(caches.usageSummaries, customerPeriodKey(customerId, period), async () => {
        const [totals, prices, tax, invoiced] = await Promise.all([
          usage.totalsByMeter(customerId, period),
          meters.termsFor(customerId),
          taxRates.find(customerId),
          invoices.exists(customerId, period)
        ])
        return { customerId, period, ...priceUsage(totals, prices, tax.rate), invoiced }
      })
    },

    /**
     * The customer's usage on whole days, from the first to the last day given (both included,
     * in UTC), per meter at today's list prices: for reports across months, such as a quarter.
     */
    async report(customerId: string, { from, to, meter }: RangeReportOptions): Promise<RangeReport> {
      const range = DayRange.parse(from, to)
      const [totals, prices] = await Promise.all([usage.totalsForDays(customerId, range, meter), meters.unitPrices()])
      const { lines, subtotalCents } = priceUsage(totals, prices)
      return { customerId, range, meter: meter ?? null, lines, totalCents: subtotalCents }
    }
  }
}
