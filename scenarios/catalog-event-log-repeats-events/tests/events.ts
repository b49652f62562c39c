import { check, database, expectStatus, pause, random, service } from '@debug-drills/drill-kit'

export function json(value: unknown): string {
  return JSON.stringify(value)
}

export interface Created {
  sku: string
  stock: number
  priceCents: number
}

/** A product created through the API, with realistic values. */
export async function createProduct(): Promise<Created> {
  const fields = {
    sku: random.sku(),
    name: random.productName(),
    category: random.category(),
    priceCents: random.cents(),
    stock: random.int(0, 300)
  }
  const response = await service.post('/products', fields)
  expectStatus(response, 201, `creating the product ${json(fields)}`)
  return fields
}

const CHANGES = ['received', 'sold', 'price', 'name'] as const
export type Change = (typeof CHANGES)[number]

/**
 * Gives a product the activity of a busy week: goods received, sales, price and name changes,
 * one after the other so each is booked against the latest stock. Every change adds events to
 * the product's log; how many depends on the change, the database says which. The week starts with
 * the changes of `first`, in that order, and goes on with random ones.
 */
export async function busyWeek(product: Created, changes: number, first: readonly Change[] = []): Promise<void> {
  let stock = product.stock
  let price = product.priceCents
  for (let i = 0; i < changes; i++) {
    const kind = first[i] ?? random.pick(CHANGES)
    if (kind === 'price') {
      price += random.int(1, 900)
      expectStatus(await service.patch(`/products/${product.sku}`, { priceCents: price }), 200, `changing the price of ${product.sku} to ${price} cents`)
    } else if (kind === 'name') {
      expectStatus(await service.patch(`/products/${product.sku}`, { name: random.productName() }), 200, `renaming ${product.sku}`)
    } else {
      const quantity = kind === 'sold' && stock > 0 ? -random.int(1, stock) : random.int(1, 40)
      const reason = quantity < 0 ? 'sold' : 'received'
      const response = await service.post(`/products/${product.sku}/stock-adjustments`, { quantity, reason })
      expectStatus(response, 201, `booking ${quantity} ${reason} for ${product.sku}`)
      stock += quantity
    }
  }
}

/** A product with at least `atLeast` events in its log. */
export async function busyProduct(atLeast: number): Promise<{ product: Created; ids: number[] }> {
  const product = await createProduct()
  await busyWeek(product, atLeast)
  return { product, ids: await storedEventIds(product.sku) }
}

/** The ids of a product's events as stored, newest first (what the log must list). */
export async function storedEventIds(sku: string, status?: 'published'): Promise<number[]> {
  const rows = await database.query<{ id: number }>(
    `SELECT id FROM outbox_events WHERE sku = $1 ${status === 'published' ? 'AND published_at IS NOT NULL' : ''} ORDER BY id DESC`,
    [sku]
  )
  return rows.map((row) => row.id)
}

export type Query = Record<string, string | number>

export function eventsPath(query: Query, cursor?: string | null): string {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]))
  if (cursor) params.set('cursor', cursor)
  return `/outbox/events?${params.toString()}`
}

export interface Entry {
  id: number
  type: string
  sku: string
  status: string
}

interface Page {
  items: Entry[]
  next: string | null
}

export async function getPage(path: string): Promise<Page> {
  const response = await service.get<Page>(path)
  expectStatus(response, 200, 'listing events')
  check(Array.isArray(response.body.items), `GET ${path} answered without an items array: ${response.text.slice(0, 200)}`)
  return response.body
}

export interface Walk {
  /** The ids of each page, in the order listed. */
  pages: number[][]
  entries: Entry[]
  /** The request of each page, to quote in messages. */
  paths: string[]
}

/** Follows `next` from the first page to the last, as an operator's script does. */
export async function walk(query: Query, maxPages = 400): Promise<Walk> {
  const result: Walk = { pages: [], entries: [], paths: [] }
  let cursor: string | null = null
  for (let page = 0; page < maxPages; page++) {
    const path = eventsPath(query, cursor)
    const body = await getPage(path)
    result.paths.push(path)
    result.pages.push(body.items.map((entry) => entry.id))
    result.entries.push(...body.items)
    // A next that points where this page started would loop for ever: the walk shows the repeat.
    if (body.next === null || body.next === cursor) return result
    cursor = body.next
  }
  throw new Error(`GET ${eventsPath(query)} still announced a next page after ${maxPages} pages.`)
}

/** The pages `ids` (newest first) must come in with `limit` per page: no empty page at the end. */
export function pagesOf(ids: readonly number[], limit: number): number[][] {
  const pages: number[][] = []
  for (let start = 0; start < ids.length; start += limit) pages.push(ids.slice(start, start + limit))
  return pages.length === 0 ? [[]] : pages
}

/** What is wrong with a walk, in an operator's words; nothing wrong: undefined. */
export function walkProblem(walked: Walk, expected: readonly number[], limit: number, what: string): string | undefined {
  const seen = new Map<number, number>()
  for (const [index, page] of walked.pages.entries()) {
    if (page.length > limit) return `${walked.paths[index]} (page ${index + 1} of ${what}) listed ${page.length} events, more than the limit of ${limit}`
    for (const id of page) {
      const first = seen.get(id)
      if (first !== undefined) {
        return `following next through ${what} with limit=${limit}, event ${id} was listed twice: on page ${first + 1} and again on page ${index + 1} (${walked.paths[index]} listed ${json(page)})`
      }
      seen.set(id, index)
    }
  }
  const listed = walked.pages.flat()
  const missing = expected.filter((id) => !seen.has(id))
  if (missing.length > 0) return `following next through ${what} with limit=${limit}, ${missing.length} of its ${expected.length} events never came: ${json(missing.slice(0, 5))}`
  const extra = listed.filter((id) => !expected.includes(id))
  if (extra.length > 0) return `following next through ${what} with limit=${limit}, events that are not part of it were listed: ${json(extra.slice(0, 5))}`
  if (json(listed) !== json(expected)) return `following next through ${what} with limit=${limit}, the events came as ${json(listed)}, expected newest first: ${json(expected)}`
  const pages = pagesOf(expected, limit)
  if (json(walked.pages) !== json(pages)) return `following next through ${what} with limit=${limit}, the pages were ${json(walked.pages)}, expected ${json(pages)} (full pages, and no next after the last event)`
  return undefined
}

/** Polls the database until every event of `sku` has been published by the relay, or fails after 10 s. */
export async function allPublished(sku: string): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const [row] = await database.query<{ pending: number }>('SELECT count(*)::int AS pending FROM outbox_events WHERE sku = $1 AND published_at IS NULL', [sku])
    if (row?.pending === 0) return
    check(Date.now() < deadline, `The events of ${sku} were still not published 10 s after they were recorded (${row?.pending} pending).`)
    await pause(100)
  }
}
