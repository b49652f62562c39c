import { Type, type Static } from 'typebox'

const CustomerId = Type.String({ pattern: '^cus_[A-Za-z0-9]{4,32}$' })
const MeterCode = Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$' })
/** A calendar month in UTC, "2026-03". */
const Period = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })

export const MeterListSchema = Type.Array(Type.Object({ code: MeterCode, name: Type.String(), unitPriceCents: Type.Integer() }))

export const RecordUsageSchema = Type.Object({
  customerId: CustomerId,
  meter: MeterCode,
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  occurredAt: Type.String({ format: 'date-time' })
})

export const UsageSchema = Type.Object({
  id: Type.Integer(),
  customerId: CustomerId,
  meter: MeterCode,
  quantity: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' })
})

export const CustomerParamsSchema = Type.Object({ customerId: CustomerId })
export const InvoiceParamsSchema = Type.Object({ customerId: CustomerId, period: Period })
export const IssueInvoiceSchema = Type.Object({ period: Period })

export const InvoiceSchema = Type.Object({
  id: Type.Integer(),
  customerId: CustomerId,
  period: Period,
  totalCents: Type.Integer(),
  issuedAt: Type.String({ format: 'date-time' }),
  lines: Type.Array(
    Type.Object({ meter: MeterCode, quantity: Type.Integer(), unitPriceCents: Type.Integer(), amountCents: Type.Integer() })
  )
})

export type InvoiceResponse = Static<typeof InvoiceSchema>
