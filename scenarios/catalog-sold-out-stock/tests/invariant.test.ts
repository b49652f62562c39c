import { check, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  bySku,
  categoryCount,
  createProduct,
  createProducts,
  describePatch,
  description,
  differences,
  expectAnswer,
  expectProduct,
  historyProblems,
  json,
  listAll,
  listingPath,
  pagesOf,
  patchProduct,
  readProduct,
  sendWhileRowsLocked,
  storedEvents,
  storedPriceChanges,
  storedProduct,
  storedProducts,
  storedStockMovements,
  type Changes,
  type Product,
  type ProductAnswer
} from './catalog.js'

scenarioTest('Ordinary changes are stored, and a PATCH leaves the fields it does not mention alone', async () => {
  const category = random.category()
  const products = await createProducts(category, 7)
  const edits: Changes[] = [
    { stock: random.int(1, 900) },
    { priceCents: random.cents() },
    { name: random.productName() },
    { description: description() },
    { category: random.category() },
    { active: true },
    { stock: random.int(1, 900), priceCents: random.cents(), name: random.productName() }
  ]
  // Each product is read first, as its page in the back office would be.
  await Promise.all(products.map((product) => readProduct(product.sku, 'reading a product before editing it')))
  const answers = await Promise.all(edits.map((changes, index) => patchProduct(products[index]!.sku, changes)))
  const stored = await storedProducts(products.map((product) => product.sku))
  const reads = await Promise.all(products.map((product) => readProduct(product.sku, 'reading a product after editing it')))
  edits.forEach((changes, index) => {
    const product = products[index]!
    const request = describePatch(product.sku, changes)
    const expected = { ...product, ...changes }
    expectStatus(answers[index]!, 200, 'an ordinary change')
    expectAnswer(answers[index]!.body, expected, `${request} answered`)
    expectProduct(stored.get(product.sku), expected, `After ${request}, the database holds`)
    expectAnswer(reads[index], expected, `After ${request}, GET /products/${product.sku} answered`)
  })
})

scenarioTest('A back-office save that resends the product unchanged changes and records nothing; resending it with one change records only that', async () => {
  const category = random.category()
  const [unchanged, restocked, repriced] = (await createProducts(category, 3)) as [Product, Product, Product]
  const form = ({ name, description, category, priceCents, stock, active }: Product): Changes => ({ name, description, category, priceCents, stock, active })
  const cases: [Product, Changes, Record<string, number>][] = [
    [unchanged, form(unchanged), {}],
    [restocked, { ...form(restocked), stock: restocked.stock + random.int(1, 200) }, { movements: 1 }],
    [repriced, { ...form(repriced), priceCents: repriced.priceCents + random.int(1, 900) }, { prices: 1 }]
  ]
  const before = await Promise.all(cases.map(([product]) => records(product.sku)))
  for (const [product, changes, added] of cases) {
    const request = describePatch(product.sku, changes)
    const answer = await patchProduct(product.sku, changes)
    expectStatus(answer, 200, 'saving the back-office form')
    const expected = { ...product, ...changes }
    expectAnswer(answer.body, expected, `${request} answered`)
    expectProduct(await storedProduct(product.sku), expected, `After ${request}, the database holds`)
    const after = await records(product.sku)
    const counted = cases.findIndex(([other]) => other === product)
    const expectedCounts = {
      movements: before[counted]!.movements + (added.movements ?? 0),
      prices: before[counted]!.prices + (added.prices ?? 0),
      events: before[counted]!.events + (Object.keys(added).length > 0 ? 1 : 0)
    }
    expectEqual(after, expectedCounts, `After ${request}, the stock movements, price changes and product.updated events recorded for ${product.sku}`)
    const problems = await historyProblems(product, expected)
    check(problems.length === 0, `After ${request}: ${problems.join('; ')}.`)
  }
})

/** How many stock movements, price changes and edit events a product has. */
async function records(sku: string): Promise<{ movements: number; prices: number; events: number }> {
  const [movements, prices, events] = await Promise.all([storedStockMovements(sku), storedPriceChanges(sku), storedEvents(sku)])
  return { movements: movements.length, prices: prices.length, events: events.filter((event) => event.type === 'product.updated').length }
}

scenarioTest('Products created with stock 0, price 0 or no description are stored as sent and listed, but not as in stock', async () => {
  const category = random.category()
  const soldOut = await createProduct(category, { stock: 0 })
  const freeSample = await createProduct(category, { priceCents: 0, description: '' })
  const stocked = await createProduct(category)
  const bare = { sku: random.sku(), name: random.productName(), category, priceCents: random.cents() }
  const created = await service.post<ProductAnswer>('/products', bare)
  expectStatus(created, 201, `creating a product with neither description nor stock: ${json(bare)}`)
  const bareProduct: Product = { ...bare, description: '', stock: 0, active: true }
  expectAnswer(created.body, bareProduct, `POST /products with ${json(bare)} answered`)

  for (const product of [soldOut, freeSample, stocked, bareProduct]) {
    expectProduct(await storedProduct(product.sku), product, `After POST /products for ${product.sku}, the database holds`)
  }
  const all = await bySku([soldOut.sku, freeSample.sku, stocked.sku, bareProduct.sku])
  const inStock = await bySku([freeSample.sku, stocked.sku])
  for (const [query, expected, why] of [
    [{ category }, all, 'every active product, sold out or not'],
    [{ category, inStock: false }, all, 'inStock=false does not filter'],
    [{ category, inStock: true }, inStock, 'only products with stock']
  ] as const) {
    expectEqual((await listAll(query)).skus, expected, `The SKUs listed by GET ${listingPath(query)} (${why})`)
  }
  expectEqual(await categoryCount(category), 4, `The product count of ${category} in GET /categories (sold-out products are counted)`)
})

scenarioTest('The storefront listing filters by category and stock, in SKU order, page after page', async () => {
  const [category, other] = [random.category(), random.category()]
  // SKUs drawn first, so the sold-out ones sit at the first, a middle and the last place of the category.
  const skus = await bySku(Array.from({ length: 6 }, () => random.sku()))
  const soldOutAt = new Set([0, 3, 5])
  const products = await Promise.all(skus.map((sku, index) => createProduct(category, soldOutAt.has(index) ? { sku, stock: 0 } : { sku })))
  const [otherStocked, otherSoldOut] = await Promise.all([createProduct(other), createProduct(other, { stock: 0 })])
  const inStock = products.filter((product) => product.stock > 0).map((product) => product.sku)

  for (const [query, expected] of [
    [{ category, limit: 2 }, skus],
    [{ category, limit: 4 }, skus],
    [{ category, inStock: true, limit: 2 }, inStock],
    [{ category, inStock: true, limit: 3 }, inStock],
    [{ category, inStock: false, limit: 5 }, skus],
    [{ category: other, inStock: true, limit: 1 }, [otherStocked.sku]]
  ] as const) {
    expectEqual((await listAll(query)).pages, pagesOf(expected, query.limit), `The pages of GET ${listingPath(query)} (following next)`)
  }
  const after = await service.get<{ products: Product[] }>(listingPath({ category, limit: 10 }, skus[1]))
  expectStatus(after, 200, 'listing a category after a given SKU')
  expectEqual(after.body.products.map((product) => product.sku), skus.slice(2), `The SKUs listed by GET ${listingPath({ category, limit: 10 }, skus[1])}`)

  // The in-stock filter alone, over every category.
  const everywhere = await listAll({ inStock: true, limit: 100 })
  expectEqual(everywhere.skus, await bySku([...new Set(everywhere.skus)]), 'The SKUs listed by GET /products?inStock=true, page after page (each once, in SKU order)')
  const notInStock = everywhere.products.filter((product) => product.stock <= 0 || !product.active).map((product) => product.sku)
  expectEqual(notInStock, [], 'The sold-out or hidden products listed by GET /products?inStock=true')
  const expectedThere = [...inStock, otherStocked.sku].filter((sku) => !everywhere.skus.includes(sku))
  expectEqual(expectedThere, [], 'The in-stock products missing from GET /products?inStock=true')
  check(!everywhere.skus.includes(otherSoldOut.sku), `GET /products?inStock=true lists ${otherSoldOut.sku}, which was created with stock 0.`)
})

scenarioTest('Errors are told apart: unknown SKU 404, invalid change 400, taken SKU 409, and none of them changes anything', async () => {
  const product = await createProduct(random.category())
  const unknown = random.sku()
  const missing = await Promise.all([
    ...([{ stock: 0 }, { active: false }, { name: random.productName() }] as Changes[]).map((changes) => patchProduct(unknown, changes)),
    service.get(`/products/${unknown}`)
  ])
  missing.forEach((response) => expectStatus(response, 404, `no product has the SKU ${unknown}`))

  const invalid = [{}, { stock: -1 }, { priceCents: 12.5 }, { name: '' }, { stock: 'plenty' }, { active: 'sometimes' }]
  const rejected = await Promise.all(invalid.map((changes) => service.patch(`/products/${product.sku}`, changes)))
  rejected.forEach((response, index) => expectStatus(response, 400, `${json(invalid[index])} is not a valid change`))
  const duplicate = { sku: product.sku, name: random.productName(), category: random.category(), priceCents: random.cents(), stock: 0 }
  expectStatus(await service.post('/products', duplicate), 409, `the SKU ${product.sku} is taken`)

  expectProduct(await storedProduct(product.sku), product, `After the rejected requests above, the database holds for ${product.sku}`)
  expectStatus(await service.get(`/products/${unknown}`), 404, `no product has the SKU ${unknown}, even after the PATCHes to it`)
})

scenarioTest('Ordinary edits from several back-office tabs at once all stick', async () => {
  const product = await createProduct(random.category())
  const edits: Changes[] = [
    { stock: product.stock + random.int(1, 100) },
    { priceCents: product.priceCents + random.int(1, 500) },
    { name: random.productName() },
    { description: description() },
    { category: random.category() }
  ]
  const answers = await sendWhileRowsLocked(
    [product.sku],
    edits.map((changes) => () => patchProduct(product.sku, changes))
  )
  answers.forEach((answer, index) => expectStatus(answer, 200, `${describePatch(product.sku, edits[index]!)}, sent with ${edits.length - 1} other edits`))
  const expected = Object.assign({ ...product }, ...edits) as Product
  const wrong = differences(await storedProduct(product.sku), expected)
  check(wrong.length === 0, `After ${edits.map((changes) => describePatch(product.sku, changes)).join(', ')}, all sent at the same time, the database holds ${wrong.join('; ')}.`)
  expectAnswer(await readProduct(product.sku, 'reading the product after the edits'), expected, `After the edits sent at the same time, GET /products/${product.sku} answered`)
})

scenarioTest('Ordinary stock and price edits from several tabs at once keep the stock and price history adding up', async () => {
  const product = await createProduct(random.category(), { stock: random.int(20, 400), priceCents: random.cents(500) })
  // Different from each other and from the product's own values, so every edit is a change.
  const stocks = [product.stock - random.int(1, 9), product.stock + random.int(1, 90), product.stock + random.int(91, 400)]
  const prices = [product.priceCents - random.int(1, 99), product.priceCents + random.int(1, 900)]
  const edits: Changes[] = [...stocks.map((stock) => ({ stock })), ...prices.map((priceCents) => ({ priceCents }))]
  const answers = await sendWhileRowsLocked(
    [product.sku],
    edits.map((changes) => () => patchProduct(product.sku, changes))
  )
  const sent = edits.map((changes) => describePatch(product.sku, changes)).join(', ')
  answers.forEach((answer, index) => expectStatus(answer, 200, `${describePatch(product.sku, edits[index]!)}, sent with ${edits.length - 1} other edits`))
  const stored = await storedProduct(product.sku)
  check(stored !== undefined && stocks.includes(stored.stock) && prices.includes(stored.priceCents), `After ${sent}, all sent at the same time, the database holds stock ${stored?.stock} and price ${stored?.priceCents}, expected one of the stocks ${json(stocks)} and one of the prices ${json(prices)}.`)
  const problems = await historyProblems(product, stored)
  check(problems.length === 0, `After ${sent}, all sent at the same time (created with stock ${product.stock} at ${product.priceCents} cents): ${problems.join('; ')}.`)
})
