import { Type, type Static } from 'typebox'
import { CustomerId, Instant, MeterCode, Nullable } from './common.js'

export const ContractParamsSchema = Type.Object({ customerId: CustomerId, meter: MeterCode })

/**
 * A whole number from 0, or null for "not negotiated". One schema with both types, not a union:
 * request bodies are validated with type coercion, and a union's first branch would coerce
 * the other's values (0 to null for a null branch, null to 0 for an integer branch). With both
 * types in one `type`, a value that already has either type is left as it is.
 */
/** The same bounds as `Cents` and `Units`. */
const NegotiatedTerm = (maximum: number) => Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, maximum })

/** Both terms are required: null means "not negotiated", so the meter's own value applies. */
export const SetContractTermsSchema = Type.Object({
  unitPriceCents: NegotiatedTerm(100_000_000),
  includedUnits: NegotiatedTerm(1_000_000_000)
})

export const ContractTermsSchema = Type.Object({
  meter: MeterCode,
  unitPriceCents: Nullable(Type.Integer()),
  includedUnits: Nullable(Type.Integer()),
  updatedAt: Instant,
  updatedBy: Nullable(Type.String())
})

export const ContractSchema = Type.Object({ customerId: CustomerId, terms: Type.Array(ContractTermsSchema) })

export type ContractTermsResponse = Static<typeof ContractTermsSchema>
export type ContractResponse = Static<typeof ContractSchema>
