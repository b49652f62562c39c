import { Type, type Static } from 'typebox'
import { INVOICE_STATUSES } from '../domain/invoice-lifecycle.js'
import { CustomerId, Instant, MeterCode, Nullable, PageQuerySchema, page, Period } from './common.js'

export const InvoiceStatusSchema = Type.Enum(INVOICE_STATUSES)

/** A meter's usage in the period; the units beyond `includedUnits` are charged at `unitPriceCents`. */
export const InvoiceLineSchema = Type.Object({
  meter: MeterCode,
  quantity: Type.Integer(),
  includedUnits: Type.Integer(),
  unitPriceCents: Type.Integer(),
  amountCents: Type.Integer()
})

export const InvoiceSchema = Type.Object({
  id: Type.Integer(),
  customerId: CustomerId,
  period: Period,
  status: InvoiceStatusSchema,
  /** The lines added up, before tax. */
  subtotalCents: Type.Integer(),
  /** The tax rate the invoice was issued at, in percent ("8.875"). */
  taxRatePercent: Type.String(),
  taxCents: Type.Integer(),
  /** Subtotal plus tax. */
  totalCents: Type.Integer(),
  issuedAt: Instant,
  issuedBy: Nullable(Type.String()),
  dueAt: Instant,
  overdue: Type.Boolean(),
  paidAt: Nullable(Instant),
  paymentReference: Nullable(Type.String()),
  voidedAt: Nullable(Instant),
  voidReason: Nullable(Type.String()),
  lines: Type.Array(InvoiceLineSchema)
})

export const InvoicePageSchema = page(InvoiceSchema)

export const InvoiceParamsSchema = Type.Object({ customerId: CustomerId, period: Period })
export const IssueInvoiceSchema = Type.Object({ period: Period })

export const InvoiceListQuerySchema = Type.Object({
  ...PageQuerySchema.properties,
  period: Type.Optional(Period),
  status: Type.Optional(InvoiceStatusSchema)
})

export const PayInvoiceSchema = Type.Object({
  /** The payment provider's or the bank's reference, for reconciliation. */
  reference: Type.String({ minLength: 1, maxLength: 120 }),
  /** When the money arrived; now if left out. */
  paidAt: Type.Optional(Instant)
})

export const VoidInvoiceSchema = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) })

export type InvoiceResponse = Static<typeof InvoiceSchema>
export type InvoiceLineResponse = Static<typeof InvoiceLineSchema>
