import { check, database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { busyProduct, busyWeek, createProduct, eventsPath, getPage, json, storedEventIds } from './events.js'

scenarioTest("A product's log lists its own events, newest first, with their types", async () => {
  const [{ product, ids }, other] = await Promise.all([busyProduct(random.int(5, 9)), busyProduct(random.int(3, 6))])
  const page = await getPage(eventsPath({ sku: product.sku, limit: 100 }))
  const rows = await database.query<{ id: number; type: string }>('SELECT id, type FROM outbox_events WHERE sku = $1 ORDER BY id DESC', [product.sku])
  expectEqual(
    page.items.map((entry) => [entry.id, entry.type, entry.sku]),
    rows.map((row) => [row.id, row.type, product.sku]),
    `The events listed by GET ${eventsPath({ sku: product.sku, limit: 100 })}`
  )
  expectEqual(page.next, null, `The next of GET ${eventsPath({ sku: product.sku, limit: 100 })}, whose ${ids.length} events fit on one page,`)
  check(!page.items.some((entry) => other.ids.includes(entry.id)), `GET ${eventsPath({ sku: product.sku, limit: 100 })} listed events of ${other.product.sku}.`)
})

scenarioTest('The first page of every page size holds the newest events and says whether more follow', async () => {
  const { product, ids } = await busyProduct(random.int(6, 10))
  const limits = Array.from({ length: ids.length + 1 }, (_, index) => index + 1)
  const wrong = (
    await Promise.all(
      limits.map(async (limit) => {
        const path = eventsPath({ sku: product.sku, limit })
        const page = await getPage(path)
        const listed = page.items.map((entry) => entry.id)
        if (json(listed) !== json(ids.slice(0, limit))) return `${path} listed ${json(listed)}, expected ${json(ids.slice(0, limit))}`
        if ((page.next !== null) !== ids.length > limit) return `${path} answered next ${json(page.next)} for a log of ${ids.length} events`
        return undefined
      })
    )
  ).filter((problem) => problem !== undefined)
  check(wrong.length === 0, `${wrong.length} first pages went wrong: ${wrong.slice(0, 3).join('; ')}.`)
})

interface HistoryPage {
  items: Record<string, number | string | null>[]
  next: string | null
}

/** Follows a history endpoint (stock ledger, price history) page by page, as the back office does. */
async function historyPages(path: string, limit: number): Promise<number[]> {
  const sizes: number[] = []
  let cursor: string | null = null
  for (let page = 0; page < 100; page++) {
    const url: string = `${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
    const response = await service.get<HistoryPage>(url)
    expectStatus(response, 200, 'reading a history page')
    sizes.push(response.body.items.length)
    if (response.body.next === null || response.body.next === cursor) return sizes
    cursor = response.body.next
  }
  throw new Error(`${path} still announced a next page after 100 pages.`)
}

scenarioTest('The stock ledger and the price history list every entry once, page by page', async () => {
  const product = await createProduct()
  // At least two entries in each history, so that every history has a page break to get wrong.
  await busyWeek(product, random.int(6, 9), random.shuffle(['received', 'sold', 'price', 'price'] as const))
  const [movements, prices] = (await Promise.all(
    ['stock_movements', 'price_changes'].map(async (table) => {
      const [row] = await database.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table} t JOIN products p ON p.id = t.product_id WHERE p.sku = $1`, [product.sku])
      return row?.count ?? 0
    })
  )) as [number, number]
  const wrong: string[] = []
  for (const [path, total] of [
    [`/products/${product.sku}/stock-movements`, movements],
    [`/products/${product.sku}/price-history`, prices]
  ] as const) {
    for (let limit = 1; limit <= Math.max(total, 1) + 1; limit++) {
      const sizes = await historyPages(path, limit)
      const expected = Array.from({ length: Math.max(1, Math.ceil(total / limit)) }, (_, page) => Math.min(limit, total - page * limit))
      if (json(sizes) !== json(expected)) wrong.push(`following next through ${path}?limit=${limit} (${total} entries) gave pages of ${json(sizes)} entries, expected ${json(expected)}`)
    }
  }
  check(wrong.length === 0, `${wrong.slice(0, 3).join('; ')}.`)
})

scenarioTest('Event lists refuse what they cannot answer, each with its own status', async () => {
  const { product } = await busyProduct(2)
  const unknown = random.sku()
  const empty = await getPage(eventsPath({ sku: unknown, limit: 10 }))
  expectEqual([empty.items.length, empty.next], [0, null], `GET ${eventsPath({ sku: unknown, limit: 10 })} (no such product): the number of events and next`)
  for (const path of [
    eventsPath({ sku: product.sku, limit: 0 }),
    eventsPath({ sku: product.sku, limit: 101 }),
    eventsPath({ sku: product.sku.toLowerCase(), limit: 5 }),
    eventsPath({ sku: product.sku, limit: 5, cursor: random.word() }),
    eventsPath({ status: 'lost', limit: 5 })
  ]) {
    expectStatus(await service.get(path), 400, 'a request the event list cannot answer')
  }
  expectStatus(await service.post('/outbox/events/2147483000/retry'), 404, 'retrying an event that does not exist')
  const [newest] = await storedEventIds(product.sku)
  expectStatus(await service.post(`/outbox/events/${newest}/retry`), 409, 'retrying an event that has not failed')
})
