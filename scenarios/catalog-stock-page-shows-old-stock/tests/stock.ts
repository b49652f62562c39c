import { check, database, expectStatus, random, service, type ServiceResponse, until } from '@debug-drills/drill-kit'

export function json(value: unknown): string {
  return JSON.stringify(value)
}

export interface ProductView {
  sku: string
  name: string
  category: string
  priceCents: number
  stock: number
  availability: string
  active: boolean
}

/** What the storefront shows for a stock level, as documented: 5 or fewer is "low_stock". */
export function availabilityOf(stock: number): string {
  if (stock <= 0) return 'sold_out'
  return stock <= 5 ? 'low_stock' : 'in_stock'
}

/** A product created through the API, with realistic values. */
export async function createProduct(stock: number, category = random.category()): Promise<ProductView> {
  const fields = { sku: random.sku(), name: random.productName(), category, priceCents: random.cents(), stock }
  const response = await service.post<ProductView>('/products', fields)
  expectStatus(response, 201, `creating the product ${json(fields)}`)
  return response.body
}

/** GET /products/:sku, as the product page does. */
export async function productPage(sku: string, context: string): Promise<ProductView> {
  const response = await service.get<ProductView>(`/products/${sku}`)
  expectStatus(response, 200, context)
  return response.body
}

export interface Stored {
  name: string
  category: string
  priceCents: number
  stock: number
  active: boolean
}

/** The product as stored, read with SQL. */
export async function stored(sku: string): Promise<Stored> {
  const [row] = await database.query<Stored>('SELECT name, category, price_cents AS "priceCents", stock, active FROM products WHERE sku = $1', [sku])
  check(row !== undefined, `The product ${sku} is not in the database.`)
  return row
}

export interface Adjustment {
  quantity: number
  reason: 'received' | 'returned' | 'sold' | 'damaged' | 'correction'
  reference?: string
}

export function describeAdjustment(sku: string, adjustment: Adjustment): string {
  return `POST /products/${sku}/stock-adjustments with ${json(adjustment)}`
}

export function adjust(sku: string, adjustment: Adjustment): Promise<ServiceResponse<{ product: ProductView }>> {
  return service.post<{ product: ProductView }>(`/products/${sku}/stock-adjustments`, adjustment)
}

/**
 * Requires the product page to show what is stored: the stock and its availability, the
 * name, the price and the category. Returns what is wrong, in the page's words, or undefined.
 */
export async function pageProblem(sku: string, after: string): Promise<string | undefined> {
  const [page, row] = [await productPage(sku, `reading the product page after ${after}`), await stored(sku)]
  const wrong: string[] = []
  for (const field of ['stock', 'name', 'priceCents', 'category', 'active'] as const) {
    if (page[field] !== row[field]) wrong.push(`${field} ${json(page[field])} where the database holds ${json(row[field])}`)
  }
  if (page.availability !== availabilityOf(row.stock)) wrong.push(`availability ${json(page.availability)}, expected ${json(availabilityOf(row.stock))}`)
  return wrong.length === 0 ? undefined : `after ${after}, GET /products/${sku} showed ${wrong.join(', ')}`
}

/** The active products per category as GET /categories answers them, and as stored. */
export async function categoryProblem(categories: string[], after: string): Promise<string | undefined> {
  const response = await service.get<{ category: string; productCount: number }[]>('/categories')
  expectStatus(response, 200, `listing the categories after ${after}`)
  check(Array.isArray(response.body), `GET /categories answered ${response.text.slice(0, 200)}, expected a list.`)
  const rows = await database.query<{ category: string; count: number }>(
    'SELECT category, count(*)::int AS count FROM products WHERE active AND category = ANY($1) GROUP BY category',
    [categories]
  )
  const wrong = categories
    .map((category) => {
      const shown = response.body.find((entry) => entry.category === category)?.productCount ?? 0
      const expected = rows.find((row) => row.category === category)?.count ?? 0
      return shown === expected ? undefined : `${category} ${shown}, expected ${expected}`
    })
    .filter((problem) => problem !== undefined)
  return wrong.length === 0 ? undefined : `after ${after}, GET /categories counted ${wrong.join(', ')}`
}

const HOLD = 'catalog stock hold'

/**
 * Holds the product's row locked (as another booking in progress would), sends `write`, which
 * waits for the row, runs `meanwhile` while it waits, then lets go of the row and returns
 * what `write` answered. So `meanwhile` always reads before the write is committed, every run.
 */
export async function whileWriteWaits<T>(sku: string, write: () => Promise<T>, meanwhile: () => Promise<void>): Promise<T> {
  const holding = database
    .query(`/* ${HOLD} */ WITH locked AS (SELECT id FROM products WHERE sku = $1 FOR UPDATE) SELECT pg_sleep(10) FROM (SELECT count(*) FROM locked) AS the_row`, [sku])
    .catch(() => undefined)
  const holder = await until(5_000, async () => {
    const rows = await database.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND wait_event = 'PgSleep' AND query LIKE $1`,
      [`/* ${HOLD} */%`]
    )
    return rows[0]?.pid
  })
  if (holder === undefined) throw new Error('Could not lock the product for the overlapping requests (the test database did not answer as expected).')
  let answered = false
  const sent = write().finally(() => {
    answered = true
  })
  try {
    // Normally a few milliseconds; the margin is for a loaded machine, where a write that has not
    // reached the row yet would let `meanwhile` read before it even started, and a race pass.
    await until(8_000, async () => {
      const [row] = await database.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
      )
      return (row?.waiting ?? 0) > 0 || answered ? true : undefined
    })
    await meanwhile()
  } finally {
    await database.query('SELECT pg_cancel_backend($1)', [holder])
    await holding
  }
  return sent
}
