import { TaxRate } from '../domain/tax-rate.js'
import type { CustomerTax, TaxRateRepository } from '../repositories/tax-rate-repository.js'
import type { BillingCaches } from './billing-caches.js'

export interface TaxServiceDeps {
  taxRates: TaxRateRepository
  caches: BillingCaches
}

export type TaxService = ReturnType<typeof createTaxService>

export function createTaxService({ taxRates, caches }: TaxServiceDeps) {
  return {
    get(customerId: string): Promise<CustomerTax> {
      return taxRates.find(customerId)
    },

    /**
     * Sets the rate the customer's next invoices are taxed at. Invoices issued already keep
     * the rate they were issued at; the previews of open periods change at once.
     */
    async set(customerId: string, ratePercent: string, updatedBy: string | null): Promise<CustomerTax> {
      const tax = await taxRates.set(customerId, TaxRate.parse(ratePercent), updatedBy)
      caches.usageSummaries.deleteByPrefix(`${customerId}/`)
      return tax
    }
  }
}
