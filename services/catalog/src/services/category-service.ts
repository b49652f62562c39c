import { byProductCountDescending, categoryPage, type CategoryOrder, type CategoryPage, type CategorySummary } from '../domain/categories.js'
import { CategoryNotFoundError } from '../domain/errors.js'
import { readThrough } from '../lib/ttl-cache.js'
import type { Repositories } from '../repositories/index.js'
import { ALL_CATEGORIES, type CatalogCache } from './catalog-cache.js'

export function createCategoryService({ repositories, cache }: { repositories: Repositories; cache: CatalogCache }) {
  /** Active products per category, A to Z (sold-out products count), kept in the cache. */
  const alphabetical = () => readThrough(cache.categories, ALL_CATEGORIES, () => repositories.products.categories())

  return {
    /** The categories for the storefront's navigation (`name`) or its home page (`products`). */
    async summary(order: CategoryOrder = 'name'): Promise<CategorySummary[]> {
      const summaries = await alphabetical()
      return order === 'products' ? [...summaries].sort(byProductCountDescending) : summaries
    },

    /** A category page's header: its product count and the categories either side of it, A to Z. */
    async get(category: string): Promise<CategoryPage> {
      const page = categoryPage(await alphabetical(), category)
      if (!page) throw new CategoryNotFoundError(category)
      return page
    }
  }
}

export type CategoryService = ReturnType<typeof createCategoryService>
