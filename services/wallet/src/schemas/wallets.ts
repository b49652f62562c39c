import { Type, type Static } from 'typebox'

export const CustomerId = Type.String({ pattern: '^cus_[A-Za-z0-9]{1,40}$', description: 'the customer, as the accounts service names it' })
const Currency = Type.String({ pattern: '^[A-Z]{3}$' })
const Cents = Type.Integer({ minimum: 1, maximum: 100_000_000 })

export const CustomerParamsSchema = Type.Object({ customerId: CustomerId })

export const OpenWalletSchema = Type.Object({ customerId: CustomerId, currency: Type.Optional(Currency) }, { additionalProperties: false })

export const WalletSchema = Type.Object({
  customerId: Type.String(),
  currency: Type.String(),
  balanceCents: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' })
})

export const SpendSchema = Type.Object(
  {
    orderId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
    amountCents: Cents,
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 200 }))
  },
  { additionalProperties: false }
)

export const EntrySchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('top_up'), Type.Literal('spend')]),
  amountCents: Type.Integer(),
  balanceAfterCents: Type.Integer(),
  reference: Type.String(),
  description: Type.String(),
  actor: Type.String(),
  createdAt: Type.String({ format: 'date-time' })
})

export const LedgerQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 }))
})

export const LedgerPageSchema = Type.Object({ items: Type.Array(EntrySchema), nextCursor: Type.Union([Type.String(), Type.Null()]) })

export const StatementQuerySchema = Type.Object({ month: Type.String() })

export const StatementSchema = Type.Object({
  customerId: Type.String(),
  currency: Type.String(),
  month: Type.String(),
  openingBalanceCents: Type.Integer(),
  closingBalanceCents: Type.Integer(),
  creditsCents: Type.Integer(),
  debitsCents: Type.Integer(),
  entries: Type.Array(EntrySchema)
})

export type WalletResponse = Static<typeof WalletSchema>
export type EntryResponse = Static<typeof EntrySchema>
