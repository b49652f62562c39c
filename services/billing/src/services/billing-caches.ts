import type { Meter } from '../generated/prisma/client.js'
import { TtlCache, type Cache } from '../lib/ttl-cache.js'
import type { InvoiceWithLines } from '../repositories/invoice-repository.js'
import type { UsageSummary } from './usage-service.js'

/**
 * What billing caches, and the keys it caches under. Invoices and price lists change rarely
 * and are read often; a usage summary is recomputed at most once per TTL per customer and period.
 */
export interface BillingCaches {
  /** The whole price list, under one key: it is small and always read whole. */
  meters: Cache<Meter[]>
  /** By `customerPeriodKey`. */
  invoices: Cache<InvoiceWithLines>
  /** By `customerPeriodKey`. */
  usageSummaries: Cache<UsageSummary>
}

export const PRICE_LIST_KEY = 'price-list'

export const customerPeriodKey = (customerId: string, period: string) => `${customerId}/${period}`

export function createBillingCaches({ ttlMs, maxEntries }: { ttlMs: number; maxEntries: number }): BillingCaches {
  return {
    meters: new TtlCache({ ttlMs, maxEntries: 1 }),
    invoices: new TtlCache({ ttlMs, maxEntries }),
    usageSummaries: new TtlCache({ ttlMs, maxEntries })
  }
}
