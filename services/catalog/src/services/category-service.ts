import { readThrough } from '../lib/ttl-cache.js'
import type { Repositories } from '../repositories/index.js'
import type { CategorySummary } from '../repositories/products-repository.js'
import { ALL_CATEGORIES, type CatalogCache } from './catalog-cache.js'

export function createCategoryService({ repositories, cache }: { repositories: Repositories; cache: CatalogCache }) {
  return {
    /** Active products per category, for the storefront's navigation; sold-out products count. */
    async summary(): Promise<CategorySummary[]> {
      return readThrough(cache.categories, ALL_CATEGORIES, () => repositories.products.categories())
    }
  }
}

export type CategoryService = ReturnType<typeof createCategoryService>
