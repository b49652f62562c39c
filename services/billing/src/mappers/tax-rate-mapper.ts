import type { CustomerTax } from '../repositories/tax-rate-repository.js'
import type { TaxRateResponse } from '../schemas/tax-rates.js'

export function toTaxRateResponse({ customerId, rate, updatedAt, updatedBy }: CustomerTax): TaxRateResponse {
  return { customerId, ratePercent: rate.toString(), updatedAt: updatedAt?.toISOString() ?? null, updatedBy }
}
