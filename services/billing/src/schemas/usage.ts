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
  totalCents: Type.Integer(),
  lines: Type.Array(InvoiceLineSchema)
})

export type UsageResponse = Static<typeof UsageSchema>
export type UsageSummaryResponse = Static<typeof UsageSummarySchema>
