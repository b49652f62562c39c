import type { ContractTerms } from '../generated/prisma/client.js'
import type { ContractRepository, NegotiatedTerms } from '../repositories/contract-repository.js'
import type { BillingCaches } from './billing-caches.js'

export interface ContractServiceDeps {
  contracts: ContractRepository
  caches: BillingCaches
}

export type ContractService = ReturnType<typeof createContractService>

/** What account managers negotiate: a customer's own price or allowance for a meter. */
export function createContractService({ contracts, caches }: ContractServiceDeps) {
  return {
    list(customerId: string): Promise<ContractTerms[]> {
      return contracts.list(customerId)
    },

    /**
     * Sets the customer's terms for a meter. Invoices issued already keep the terms they were
     * issued on; the previews of open periods change at once.
     */
    async set(customerId: string, meterCode: string, terms: NegotiatedTerms, updatedBy: string | null): Promise<ContractTerms> {
      const saved = await contracts.set(customerId, meterCode, terms, updatedBy)
      caches.usageSummaries.deleteByPrefix(`${customerId}/`)
      return saved
    }
  }
}
