import type { ContractTerms } from '../generated/prisma/client.js'
import type { ContractResponse, ContractTermsResponse } from '../schemas/contracts.js'

export function toContractTermsResponse({ meterCode, unitPriceCents, includedUnits, updatedAt, updatedBy }: ContractTerms): ContractTermsResponse {
  return { meter: meterCode, unitPriceCents, includedUnits, updatedAt: updatedAt.toISOString(), updatedBy }
}

export function toContractResponse(customerId: string, terms: readonly ContractTerms[]): ContractResponse {
  return { customerId, terms: terms.map(toContractTermsResponse) }
}
