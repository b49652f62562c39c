import { check, database, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { adjust, categoryProblem, createProduct, describeAdjustment, json, pageProblem, productPage, stored, type Adjustment } from './stock.js'

scenarioTest('Edits and new products show at once on the product page and in the category counts', async () => {
  const [category, other] = [random.category(), random.category()]
  const products = await Promise.all(Array.from({ length: 6 }, () => createProduct(random.int(10, 300), category)))
  const edits: Record<string, unknown>[] = [
    { name: random.productName() },
    { priceCents: random.cents() + 1 },
    { stock: 0 },
    { category: other },
    { active: false },
    { stock: random.int(1, 5), priceCents: 0 }
  ]
  const problems: string[] = []
  await categoryProblem([category, other], 'creating the products')
  for (const [index, changes] of edits.entries()) {
    const { sku } = products[index]!
    await productPage(sku, 'viewing the product page before the edit')
    await service.get('/categories')
    const request = `PATCH /products/${sku} with ${json(changes)}`
    expectStatus(await service.patch(`/products/${sku}`, changes), 200, request)
    problems.push(...[await pageProblem(sku, request), await categoryProblem([category, other], request)].filter((problem) => problem !== undefined))
  }
  await service.get('/categories')
  const added = await createProduct(random.int(0, 40), other)
  const created = `POST /products for ${added.sku} in ${other}`
  problems.push(...[await pageProblem(added.sku, created), await categoryProblem([category, other], created)].filter((problem) => problem !== undefined))
  check(problems.length === 0, `${problems.slice(0, 3).join(' | ')}.`)
})

scenarioTest('Product pages are served from memory: a change made elsewhere shows only once the page is refreshed', async () => {
  const product = await createProduct(random.int(10, 300))
  await productPage(product.sku, 'viewing the product page')
  // Another instance of the catalog renames it: this one is not told, and serves its copy for a while.
  const renamed = random.productName()
  await database.query('UPDATE products SET name = $1 WHERE sku = $2', [renamed, product.sku])
  const page = await productPage(product.sku, 'viewing the product page again')
  check(
    page.name === product.name,
    `GET /products/${product.sku}, read again within a second, showed the name ${json(page.name)}: the product page should come from memory (CACHE_TTL_MS) and still show ${json(product.name)} until it expires or this instance changes the product.`
  )
  // A change made through this instance is seen at once, the other instance's rename with it.
  const changes = { priceCents: product.priceCents + random.int(1, 500) }
  const request = `PATCH /products/${product.sku} with ${json(changes)}`
  expectStatus(await service.patch(`/products/${product.sku}`, changes), 200, request)
  const problem = await pageProblem(product.sku, request)
  check(problem === undefined, `${problem}.`)
})

scenarioTest('Refused bookings change nothing, on the page or in the database, each with its own status', async () => {
  const product = await createProduct(random.int(1, 8))
  await productPage(product.sku, 'viewing the product page')
  const refused: [Adjustment, number][] = [
    [{ quantity: -(product.stock + random.int(1, 20)), reason: 'sold' }, 409],
    [{ quantity: -random.int(1, 5), reason: 'received' }, 422],
    [{ quantity: random.int(1, 5), reason: 'damaged' }, 422],
    [{ quantity: 0, reason: 'correction' }, 400]
  ]
  for (const [adjustment, status] of refused) {
    expectStatus(await adjust(product.sku, adjustment), status, describeAdjustment(product.sku, adjustment))
  }
  expectStatus(await adjust(random.sku(), { quantity: 3, reason: 'received' }), 404, 'booking stock for a product that does not exist')
  const row = await stored(product.sku)
  check(row.stock === product.stock, `After refused bookings, the database holds stock ${row.stock}, expected ${product.stock}.`)
  const problem = await pageProblem(product.sku, 'refused bookings')
  check(problem === undefined, `${problem}.`)
})

scenarioTest('Bookings sent at once all count, and the stock ledger adds up to the stock shown', async () => {
  const product = await createProduct(random.int(60, 300))
  const steps: Adjustment[] = Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? { quantity: -random.int(1, 9), reason: 'sold' } : { quantity: random.int(1, 20), reason: 'received' }))
  await productPage(product.sku, 'viewing the product page')
  const answers = await Promise.all(steps.map((step) => adjust(product.sku, step)))
  answers.forEach((answer, index) => expectStatus(answer, 201, describeAdjustment(product.sku, steps[index]!)))
  const expected = product.stock + steps.reduce((sum, step) => sum + step.quantity, 0)
  const [ledger] = await database.query<{ total: number }>(
    'SELECT coalesce(sum(m.quantity), 0)::int AS total FROM stock_movements m JOIN products p ON p.id = m.product_id WHERE p.sku = $1',
    [product.sku]
  )
  const row = await stored(product.sku)
  check(row.stock === expected && ledger?.total === expected, `After ${steps.length} bookings sent at once (${json(steps)}) on stock ${product.stock}, the database holds stock ${row.stock} and the ledger adds up to ${ledger?.total}, expected ${expected}.`)
})
