import type { Product } from '../domain/product.js'
import { TtlCache, type Cache } from '../lib/ttl-cache.js'
import type { CategorySummary } from '../domain/categories.js'

/**
 * The catalogue's read caches. Product pages are read far more often than they change, so a
 * product by SKU and the category counts are kept in memory. The storefront listing is not:
 * its filters and cursors make too many keys to be worth it, and it must never show a
 * sold-out product as available.
 *
 * Writes in this process forget what they change at once; other instances catch up within
 * the TTL, which is why it is short.
 */
export interface CatalogCache {
  products: Cache<Product>
  categories: Cache<CategorySummary[]>
  /** Called after a change to a product has committed. */
  forget(sku: string): void
}

export const ALL_CATEGORIES = 'all'

export function createCatalogCache({ ttlMs, maxEntries }: { ttlMs: number; maxEntries: number }): CatalogCache {
  const products = new TtlCache<Product>({ ttlMs, maxEntries })
  const categories = new TtlCache<CategorySummary[]>({ ttlMs, maxEntries: 1 })
  return {
    products,
    categories,
    forget(sku) {
      products.delete(sku)
      // Any change may move a product between categories or in and out of the storefront.
      categories.clear()
    }
  }
}
