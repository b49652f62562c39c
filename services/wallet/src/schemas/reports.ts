import { Type, type Static } from 'typebox'

export const FeesQuerySchema = Type.Object({ month: Type.String() })

/** An amount as the provider writes it: in the currency's units, with cents (12.34). */
const Amount = Type.Number()

const FeeDaySchema = Type.Object({
  date: Type.String(),
  payments: Type.Integer(),
  amountCents: Type.Integer(),
  fees: Amount
})

export const FeesReportSchema = Type.Object({
  month: Type.String(),
  currencies: Type.Array(
    Type.Object({
      currency: Type.String(),
      payments: Type.Integer(),
      amountCents: Type.Integer(),
      fees: Amount,
      netCents: Type.Integer(),
      days: Type.Array(FeeDaySchema)
    })
  )
})

export type FeesReportResponse = Static<typeof FeesReportSchema>
