import { check, database, expectStatus, random, service } from '@debug-drills/drill-kit'

export function json(value: unknown): string {
  return JSON.stringify(value)
}

/** The largest price the catalogue takes, in cents. */
export const MAX_PRICE = 10_000_000

/**
 * A price with exactly `digits` digits (1 to 7), drawn per run: 7, 42, 950, 1299, 25000...,
 * optionally with its first digit in `first` ([1, 4] gives 1299, [5, 9] gives 950).
 */
export function priceWithDigits(digits: number, first: [number, number] = [1, 9]): number {
  const unit = 10 ** (digits - 1)
  return random.int(first[0] * unit, (first[1] + 1) * unit - 1)
}

export interface Listed {
  sku: string
  priceCents: number
  stock: number
}

/**
 * Products of one new category at the given prices, created through the API; `stock` 0 makes one
 * sold out. `skus` gives the products their SKUs (else each draws its own).
 */
export async function stockCategory(
  prices: readonly number[],
  soldOut: (index: number) => boolean = () => false,
  skus: readonly string[] = []
): Promise<{ category: string; products: Listed[] }> {
  const category = random.category()
  const products = await Promise.all(
    prices.map(async (priceCents, index) => {
      const fields = { sku: skus[index] ?? random.sku(), name: random.productName(), category, priceCents, stock: soldOut(index) ? 0 : random.int(1, 250) }
      expectStatus(await service.post('/products', fields), 201, `creating the product ${json(fields)}`)
      return { sku: fields.sku, priceCents, stock: fields.stock }
    })
  )
  return { category, products }
}

export type Query = Record<string, string | number | boolean>

export function listingPath(query: Query, after?: string): string {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]))
  if (after !== undefined) params.set('after', after)
  return `/products?${params.toString()}`
}

interface Page {
  products: { sku: string; priceCents: number }[]
  next: string | null
}

export interface Listing {
  skus: string[]
  pages: string[][]
  /** Each SKU listed with the price the listing showed. */
  prices: Map<string, number>
}

/** Follows `next` from the first page to the last, as the storefront does. */
export async function listAll(query: Query): Promise<Listing> {
  const listing: Listing = { skus: [], pages: [], prices: new Map() }
  let after: string | undefined
  for (let page = 0; page < 60; page++) {
    const path = listingPath(query, after)
    const response = await service.get<Page>(path)
    expectStatus(response, 200, 'listing the storefront')
    check(Array.isArray(response.body.products), `GET ${path} answered without a products array: ${response.text.slice(0, 200)}`)
    const skus = response.body.products.map((product) => product.sku)
    listing.pages.push(skus)
    listing.skus.push(...skus)
    for (const product of response.body.products) listing.prices.set(product.sku, product.priceCents)
    if (response.body.next === null || response.body.next === after) return listing
    after = response.body.next
  }
  throw new Error(`GET ${listingPath(query)} still had a next page after 60 pages.`)
}

/** The SKUs the storefront must list for a category and a price range (both ends included), by SQL, in its order. */
export async function skusPriced(category: string, low: number, high: number, inStock = false): Promise<string[]> {
  const rows = await database.query<{ sku: string }>(
    `SELECT sku FROM products WHERE category = $1 AND active AND price_cents BETWEEN $2 AND $3 ${inStock ? 'AND stock > 0' : ''} ORDER BY sku`,
    [category, low, high]
  )
  return rows.map((row) => row.sku)
}

/** `count` new SKUs in the storefront's order (the database's collation of the SKU column). */
export async function skusInOrder(count: number): Promise<string[]> {
  const rows = await database.query<{ sku: string }>('SELECT sku FROM unnest($1::text[]) AS skus(sku) ORDER BY sku', [Array.from({ length: count }, () => random.sku())])
  return rows.map((row) => row.sku)
}

/** The pages a listing of `skus` must answer with `limit` per page: a full last page announces an empty one. */
export function pagesOf(skus: readonly string[], limit: number): string[][] {
  const pages: string[][] = []
  for (let start = 0; start < skus.length; start += limit) pages.push(skus.slice(start, start + limit))
  if (skus.length % limit === 0) pages.push([])
  return pages
}

/** "MUG-4821 at 950, LAMP-1200 at 12000" for the products of `skus`. */
export function priced(skus: readonly string[], prices: ReadonlyMap<string, number>): string {
  return skus.length === 0 ? 'none' : skus.map((sku) => `${sku} at ${prices.get(sku)}`).join(', ')
}

/**
 * Lists `price` in `category` and compares with the database; returns what is wrong, in a
 * shopper's words, or undefined.
 */
export async function rangeProblem(category: string, price: string, low: number, high: number, prices: ReadonlyMap<string, number>, extra: Query = {}): Promise<string | undefined> {
  const query = { category, price, limit: 100, ...extra }
  const listing = await listAll(query)
  const expected = await skusPriced(category, low, high, extra.inStock === true)
  if (json(listing.skus) === json(expected)) return undefined
  const missing = expected.filter((sku) => !listing.skus.includes(sku))
  const extraSkus = listing.skus.filter((sku) => !expected.includes(sku))
  const parts = [
    `GET ${listingPath(query)} listed ${listing.skus.length} products, expected the ${expected.length} priced from ${low} to ${high} cents`,
    ...(missing.length > 0 ? [`missing ${priced(missing, prices)}`] : []),
    ...(extraSkus.length > 0 ? [`listed outside the range: ${priced(extraSkus, prices)}`] : [])
  ]
  return parts.join('; ')
}
