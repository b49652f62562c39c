import { Type, type Static } from 'typebox'
import { CustomerId, Instant, MeterCode, Nullable, PageQuerySchema, page, Period } from './common.js'
import { InvoiceLineSchema } from './invoices.js'

export const RecordUsageSchema = Type.Object({
  customerId: CustomerId,
  meter: MeterCode,
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  occurredAt: Instant,
  /** The reporter's own id for this measurement: sending it again records nothing new. */
  idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\w.:-]+$' }))
})

export const UsageSchema = Type.Object({
  id: Type.Integer(),
  customerId: CustomerId,
  meter: MeterCode,
  quantity: Type.Integer(),
  occurredAt: Instant,
  idempotencyKey: Nullable(Type.String()),
  recordedAt: Instant,
  recordedBy: Nullable(Type.String())
})

export const UsageListQuerySchema = Type.Object({
  ...PageQuerySchema.properties,
  period: Type.Optional(Period),
  meter: Type.Optional(MeterCode)
})

export const UsagePageSchema = page(UsageSchema)

export const UsageSummaryQuerySchema = Type.Object({ period: Period })

export const UsageSummarySchema = Type.Object({
  customerId: CustomerId,
  period: Period,
  /** True once the period is invoiced; the invoice, not this preview, is then what is billed. */
  invoiced: Type.Boolean(),
  subtotalCents: Type.Integer(),
  taxRatePercent: Type.String(),
  taxCents: Type.Integer(),
  totalCents: Type.Integer(),
  lines: Type.Array(InvoiceLineSchema)
})

export type UsageResponse = Static<typeof UsageSchema>
export type UsageSummaryResponse = Static<typeof UsageSummarySchema>

/** A calendar day in UTC, "2025-03-31". */
export const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'a calendar day in UTC, YYYY-MM-DD' })

export const UsageReportQuerySchema = Type.Object({
  from: Day,
  to: Day,
  meter: Type.Optional(MeterCode)
})

export const UsageReportSchema = Type.Object({
  customerId: CustomerId,
  /** The first and the last day reported, both included. */
  from: Day,
  to: Day,
  meter: Nullable(MeterCode),
  totalCents: Type.Integer(),
  lines: Type.Array(InvoiceLineSchema)
})

export type UsageReportResponse = Static<typeof UsageReportSchema>
