export interface CategorySummary {
  category: string
  productCount: number
}

/**
 * The orders the storefront shows the categories in: `name`, A to Z, for the navigation menu
 * (the database's order); `products`, the largest first, for the home page's "shop by
 * category" tiles, categories with as many products staying A to Z.
 */
export const CATEGORY_ORDERS = ['name', 'products'] as const
export type CategoryOrder = (typeof CATEGORY_ORDERS)[number]

export function byProductCountDescending(a: CategorySummary, b: CategorySummary): number {
  return b.productCount - a.productCount
}

export interface CategoryPage extends CategorySummary {
  /** The categories before and after this one, A to Z, for the category page's arrows. */
  previous: string | null
  next: string | null
}

/** One category of an A to Z list with its neighbours, or undefined when it has no active product. */
export function categoryPage(alphabetical: readonly CategorySummary[], category: string): CategoryPage | undefined {
  const index = alphabetical.findIndex((summary) => summary.category === category)
  const summary = alphabetical[index]
  if (!summary) return undefined
  return { ...summary, previous: alphabetical[index - 1]?.category ?? null, next: alphabetical[index + 1]?.category ?? null }
}
