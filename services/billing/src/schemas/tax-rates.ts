import { Type, type Static } from 'typebox'
import { CustomerId, Instant, Nullable } from './common.js'

/** A percentage with at most three decimals, from 0 to 99.999, as a string so that it stays exact. */
export const TaxRatePercent = Type.String({ pattern: '^(0|[1-9][0-9]?)(\\.[0-9]{1,3})?$', description: 'e.g. "8.875"' })

export const SetTaxRateSchema = Type.Object({ ratePercent: TaxRatePercent })

export const TaxRateSchema = Type.Object({
  customerId: CustomerId,
  ratePercent: TaxRatePercent,
  updatedAt: Nullable(Instant),
  updatedBy: Nullable(Type.String())
})

export type TaxRateResponse = Static<typeof TaxRateSchema>
