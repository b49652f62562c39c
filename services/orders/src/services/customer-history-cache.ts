import type { OrderFilter, PageRequest } from '../domain/listing.js'
import type { Cache } from '../lib/ttl-cache.js'
import type { OrderWithLines } from '../repositories/orders-repository.js'

/** A customer's cached first pages, one per status filter and page size. */
export type CustomerPages = Map<string, OrderWithLines[]>

export interface CustomerHistoryCache {
  /** The cached page, else `load()`'s, which is kept unless the customer's orders changed meanwhile. */
  getOrLoad(customerId: string, filter: OrderFilter, page: PageRequest, load: () => Promise<OrderWithLines[]>): Promise<OrderWithLines[]>
  /** Call after a write to any of the customer's orders has committed. */
  invalidate(customerId: string): void
}

function pageKey({ status }: OrderFilter, { limit }: PageRequest): string {
  return `${status ?? 'any'}:${limit}`
}

/**
 * Customers open their order history far more often than they order, so their first pages are
 * kept in memory. All of a customer's pages live in one entry that a write drops at once. A
 * page loaded while a write was committing is not kept: the entry it was loaded for is gone.
 */
export function createCustomerHistoryCache(cache: Cache<string, CustomerPages>): CustomerHistoryCache {
  return {
    async getOrLoad(customerId, filter, page, load) {
      const key = pageKey(filter, page)
      let pages = cache.get(customerId)
      const cached = pages?.get(key)
      if (cached) return cached
      if (!pages) {
        pages = new Map()
        cache.set(customerId, pages)
      }
      const loaded = await load()
      if (cache.get(customerId) === pages) pages.set(key, loaded)
      return loaded
    },

    invalidate(customerId) {
      cache.delete(customerId)
    }
  }
}
