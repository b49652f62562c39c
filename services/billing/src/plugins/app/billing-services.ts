import fp from 'fastify-plugin'
import { createBillingCaches, type BillingCaches } from '../../services/billing-caches.js'
import { createContractService, type ContractService } from '../../services/contract-service.js'
import { createInvoiceService, type InvoiceService } from '../../services/invoice-service.js'
import { createMeterService, type MeterService } from '../../services/meter-service.js'
import { createTaxService, type TaxService } from '../../services/tax-service.js'
import { createUsageService, type UsageService } from '../../services/usage-service.js'

export interface BillingServicesOptions {
  cacheTtlSeconds: number
  cacheMaxEntries: number
  paymentTermsDays: number
}

declare module 'fastify' {
  interface FastifyInstance {
    meterService: MeterService
    usageService: UsageService
    invoiceService: InvoiceService
    taxService: TaxService
    contractService: ContractService
    caches: BillingCaches
  }
}

export default fp<BillingServicesOptions>(
  async (fastify, { cacheTtlSeconds, cacheMaxEntries, paymentTermsDays }) => {
    const { repositories, transaction } = fastify
    const caches = createBillingCaches({ ttlMs: cacheTtlSeconds * 1000, maxEntries: cacheMaxEntries })
    fastify.decorate('caches', caches)
    fastify.decorate('meterService', createMeterService({ meters: repositories.meters, transaction, caches }))
    fastify.decorate(
      'usageService',
      createUsageService({ usage: repositories.usage, meters: repositories.meters, invoices: repositories.invoices, taxRates: repositories.taxRates, transaction, caches })
    )
    fastify.decorate('invoiceService', createInvoiceService({ invoices: repositories.invoices, transaction, caches, paymentTermsDays }))
    fastify.decorate('taxService', createTaxService({ taxRates: repositories.taxRates, caches }))
    fastify.decorate('contractService', createContractService({ contracts: repositories.contracts, caches }))
  },
  { name: 'billing-services', dependencies: ['repositories'] }
)
