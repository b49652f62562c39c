import { check, database, expectStatus, random, service, type ServiceResponse, until } from '@debug-drills/drill-kit'

export interface Product {
  sku: string
  name: string
  description: string
  category: string
  priceCents: number
  stock: number
  active: boolean
}

/** What PATCH /products/:sku may change. */
export type Changes = Partial<Omit<Product, 'sku'>>

/** A product as the API answers it: the stored fields plus what the storefront shows. */
export interface ProductAnswer extends Product {
  availability: string
}

/** What the storefront shows for a stock level, as documented: 5 or fewer is "low_stock". */
export function availabilityOf(stock: number): string {
  if (stock <= 0) return 'sold_out'
  return stock <= 5 ? 'low_stock' : 'in_stock'
}

const FIELDS = ['sku', 'name', 'description', 'category', 'priceCents', 'stock', 'active'] as const

export function json(value: unknown): string {
  return JSON.stringify(value)
}

/** A product description as a merchandiser writes one. */
export function description(): string {
  return random.pick([
    `Made in ${random.city()}, ${random.int(2, 9)} colours.`,
    `${random.productName()}, sold as a set of ${random.int(2, 6)}.`,
    `Ships within ${random.int(1, 5)} working days.`,
    `Designed with ${random.fullName()}; limited run.`
  ])
}

/** A new product with realistic, non-zero values in `category`, created through the API. */
export async function createProduct(category: string, overrides: Partial<Product> = {}): Promise<Product> {
  const fields = {
    sku: random.sku(),
    name: random.productName(),
    description: description(),
    category,
    priceCents: random.cents(),
    stock: random.int(1, 400),
    ...overrides
  }
  const response = await service.post<Product>('/products', fields)
  expectStatus(response, 201, `creating the product ${json(fields)}`)
  return { ...fields, active: true }
}

/** `count` products of one category, created at once. */
export function createProducts(category: string, count: number): Promise<Product[]> {
  return Promise.all(Array.from({ length: count }, () => createProduct(category)))
}

export function patchProduct(sku: string, changes: Changes): Promise<ServiceResponse<ProductAnswer>> {
  return service.patch<ProductAnswer>(`/products/${sku}`, changes)
}

export function describePatch(sku: string, changes: Changes): string {
  return `PATCH /products/${sku} with ${json(changes)}`
}

/** The fields of `actual` that differ from `expected`, as "stock 7, expected 0". */
export function differences(actual: Partial<Product> | undefined, expected: Product): string[] {
  if (actual === undefined) return ['nothing']
  return FIELDS.filter((field) => actual[field] !== expected[field]).map((field) => `${field} ${json(actual[field])}, expected ${json(expected[field])}`)
}

/** Like `differences`, for an answer of the API, which also says the product's availability. */
export function answerDifferences(actual: Partial<ProductAnswer> | undefined, expected: Product): string[] {
  const wrong = differences(actual, expected)
  if (actual === undefined) return wrong
  const availability = availabilityOf(expected.stock)
  return actual.availability === availability ? wrong : [...wrong, `availability ${json(actual.availability)}, expected ${json(availability)}`]
}

/** Fails with "<what> stock 7, expected 0; active true, expected false." unless every field matches. */
export function expectProduct(actual: Partial<Product> | undefined, expected: Product, what: string): void {
  const wrong = differences(actual, expected)
  check(wrong.length === 0, `${what} ${wrong.join('; ')}.`)
}

/** Like `expectProduct`, for an answer of the API: its availability must match its stock too. */
export function expectAnswer(actual: Partial<ProductAnswer> | undefined, expected: Product, what: string): void {
  const wrong = answerDifferences(actual, expected)
  check(wrong.length === 0, `${what} ${wrong.join('; ')}.`)
}

/** GET /products/:sku, required to answer 200. */
export async function readProduct(sku: string, context: string): Promise<ProductAnswer> {
  const read = await service.get<ProductAnswer>(`/products/${sku}`)
  expectStatus(read, 200, context)
  return read.body
}

/** The products as stored, read with SQL, by SKU. */
export async function storedProducts(skus: string[]): Promise<Map<string, Product>> {
  const rows = await database.query<Product>(
    'SELECT sku, name, description, category, price_cents AS "priceCents", stock, active FROM products WHERE sku = ANY($1)',
    [skus]
  )
  return new Map(rows.map((row) => [row.sku, row]))
}

export async function storedProduct(sku: string): Promise<Product | undefined> {
  return (await storedProducts([sku])).get(sku)
}

/**
 * Reads the product (as a product page does before an edit), PATCHes it, then requires the
 * answer, the next GET /products/:sku and the stored row to equal `expected`.
 */
export async function expectPatched(product: Product, changes: Changes, context: string): Promise<Product> {
  const request = describePatch(product.sku, changes)
  const expected = { ...product, ...changes }
  expectAnswer(await readProduct(product.sku, `reading the product before ${request}`), product, `Before ${request}, GET /products/${product.sku} answered`)
  const patched = await patchProduct(product.sku, changes)
  expectStatus(patched, 200, context)
  expectAnswer(patched.body, expected, `${request} (${context}) answered`)
  const read = await readProduct(product.sku, `reading the product back after ${request}`)
  expectAnswer(read, expected, `After ${request}, GET /products/${product.sku} answered`)
  expectProduct(await storedProduct(product.sku), expected, `After ${request}, the database holds`)
  return expected
}

export interface StockMovement {
  quantity: number
  reason: string
  stockAfter: number
}

export interface PriceChange {
  oldPriceCents: number
  newPriceCents: number
}

export interface CatalogEvent {
  type: string
  payload: Record<string, unknown>
}

/** A product's stock history as stored, oldest first. */
export function storedStockMovements(sku: string): Promise<StockMovement[]> {
  return database.query<StockMovement>(
    `SELECT m.quantity, m.reason::text AS reason, m.stock_after AS "stockAfter"
     FROM stock_movements m JOIN products p ON p.id = m.product_id WHERE p.sku = $1 ORDER BY m.id`,
    [sku]
  )
}

/** A product's price history as stored, oldest first. */
export function storedPriceChanges(sku: string): Promise<PriceChange[]> {
  return database.query<PriceChange>(
    `SELECT c.old_price_cents AS "oldPriceCents", c.new_price_cents AS "newPriceCents"
     FROM price_changes c JOIN products p ON p.id = c.product_id WHERE p.sku = $1 ORDER BY c.id`,
    [sku]
  )
}

/** The events recorded for a SKU (the outbox), oldest first. */
export function storedEvents(sku: string): Promise<CatalogEvent[]> {
  return database.query<CatalogEvent>('SELECT type, payload FROM outbox_events WHERE sku = $1 ORDER BY id', [sku])
}

/** The same keys with the same values, whatever their order (the database stores JSON keys in its own order). */
export function sameFields(actual: unknown, expected: Record<string, unknown>): boolean {
  if (typeof actual !== 'object' || actual === null) return false
  const keys = Object.keys(expected)
  return Object.keys(actual).length === keys.length && keys.every((key) => (actual as Record<string, unknown>)[key] === expected[key])
}

/**
 * What is wrong with a product's stock and price history, given the product as created and as
 * stored now: every movement must start where the previous one ended, every price change from
 * the previous price, and both must end at what is stored. Nothing wrong: [].
 */
export async function historyProblems(created: Product, stored: Product): Promise<string[]> {
  const [movements, prices] = await Promise.all([storedStockMovements(created.sku), storedPriceChanges(created.sku)])
  const problems: string[] = []
  let stock = 0
  movements.forEach((movement, index) => {
    if (movement.quantity === 0 || movement.stockAfter !== stock + movement.quantity) {
      problems.push(`stock movement ${index + 1} (${movement.reason}) moves ${movement.quantity} from ${stock} but says the stock is then ${movement.stockAfter}`)
    }
    stock = movement.stockAfter
  })
  if (stock !== stored.stock) problems.push(`the stock history ends at ${stock}, but the product's stock is ${stored.stock}`)
  let price = created.priceCents
  prices.forEach((change, index) => {
    if (change.oldPriceCents !== price || change.newPriceCents === change.oldPriceCents) {
      problems.push(`price change ${index + 1} goes from ${change.oldPriceCents} to ${change.newPriceCents} cents, but the price was ${price}`)
    }
    price = change.newPriceCents
  })
  if (price !== stored.priceCents) problems.push(`the price history ends at ${price} cents, but the product costs ${stored.priceCents}`)
  return problems
}

export interface Listing {
  /** Every SKU listed, page after page, in the order listed. */
  skus: string[]
  /** The SKUs of each page. */
  pages: string[][]
  products: Product[]
}

interface Page {
  products: Product[]
  next: string | null
}

export type Query = Record<string, string | number | boolean>

/** `GET /products?category=...`, as a trainee would type it. */
export function listingPath(query: Query, after?: string): string {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]))
  if (after !== undefined) params.set('after', after)
  return `/products?${params.toString()}`
}

/** Follows `next` from the first page to the last, as the storefront does. */
export async function listAll(query: Query): Promise<Listing> {
  const listing: Listing = { skus: [], pages: [], products: [] }
  let after: string | null = null
  for (let page = 0; page < 50; page++) {
    const path = listingPath(query, after ?? undefined)
    const response: ServiceResponse<Page> = await service.get<Page>(path)
    expectStatus(response, 200, 'listing the storefront')
    check(Array.isArray(response.body.products), `GET ${path} answered without a products array: ${response.text.slice(0, 200)}`)
    const skus = response.body.products.map((product) => product.sku)
    listing.pages.push(skus)
    listing.skus.push(...skus)
    listing.products.push(...response.body.products)
    after = response.body.next
    if (after === null) return listing
    check(skus.length > 0 && after === skus.at(-1), `GET ${path} answered next ${json(after)} for the page ${json(skus)}: next should be the last SKU of a full page, or null after the last page.`)
  }
  throw new Error(`GET ${listingPath(query)} still had a next page after 50 pages.`)
}

/**
 * SKUs in the storefront's order: sorted by the database, with the collation the products' SKU
 * column has, so the expectation holds whichever collation the database was created with.
 */
export async function bySku(skus: string[]): Promise<string[]> {
  const rows = await database.query<{ sku: string }>('SELECT sku FROM unnest($1::text[]) AS skus(sku) ORDER BY sku', [skus])
  return rows.map((row) => row.sku)
}

/** The pages a listing of `skus` must answer with `limit` per page. */
export function pagesOf(skus: readonly string[], limit: number): string[][] {
  const pages: string[][] = []
  for (let start = 0; start < skus.length; start += limit) pages.push(skus.slice(start, start + limit))
  // A full last page announces a next one, which comes back empty.
  if (skus.length % limit === 0) pages.push([])
  return pages
}

export async function categoryCount(category: string): Promise<number> {
  const response = await service.get<{ category: string; productCount: number }[]>('/categories')
  expectStatus(response, 200, 'listing the categories')
  check(Array.isArray(response.body), `GET /categories answered ${response.text.slice(0, 200)}, expected a list.`)
  return response.body.find((entry) => entry.category === category)?.productCount ?? 0
}

const HOLD = 'catalog row hold'

/**
 * Sends `requests` at once while the products' rows are locked, and lets go of the rows only once
 * every request has either answered or is waiting in the database for a row. So each request has
 * read whatever it reads before anyone writes: overlapping edits meet in the worst order, every run.
 */
export async function sendWhileRowsLocked<T>(skus: string[], requests: (() => Promise<T>)[]): Promise<T[]> {
  const holding = database
    .query(`/* ${HOLD} */ WITH locked AS (SELECT id FROM products WHERE sku = ANY($1) FOR UPDATE) SELECT pg_sleep(10) FROM (SELECT count(*) FROM locked) AS every_row`, [skus])
    .catch(() => undefined)
  const holder = await until(5_000, async () => {
    const rows = await database.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND wait_event = 'PgSleep' AND query LIKE $1`,
      [`/* ${HOLD} */%`]
    )
    return rows[0]?.pid
  })
  if (holder === undefined) throw new Error('Could not lock the products for the concurrent edits (the test database did not answer as expected).')
  let answered = 0
  const sent = requests.map((send) =>
    send().finally(() => {
      answered += 1
    })
  )
  try {
    // Normally a few milliseconds; the margin is for a loaded machine, where requests that have not
    // reached the rows yet would read after the others wrote, and a race pass.
    await until(8_000, async () => {
      const [row] = await database.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
      )
      return (row?.waiting ?? 0) + answered >= requests.length ? true : undefined
    })
  } finally {
    await database.query('SELECT pg_cancel_backend($1)', [holder])
    await holding
  }
  return Promise.all(sent)
}
