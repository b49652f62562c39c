import { check, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  bySku,
  categoryCount,
  createProduct,
  createProducts,
  describePatch,
  description,
  differences,
  expectProduct,
  json,
  listAll,
  listingPath,
  pagesOf,
  patchProduct,
  sendWhileRowsLocked,
  storedProduct,
  storedProducts,
  type Changes,
  type Product
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
  const answers = await Promise.all(edits.map((changes, index) => patchProduct(products[index]!.sku, changes)))
  const stored = await storedProducts(products.map((product) => product.sku))
  edits.forEach((changes, index) => {
    const product = products[index]!
    const request = describePatch(product.sku, changes)
    const expected = { ...product, ...changes }
    expectStatus(answers[index]!, 200, 'an ordinary change')
    expectProduct(answers[index]!.body, expected, `${request} answered`)
    expectProduct(stored.get(product.sku), expected, `After ${request}, the database holds`)
  })
})

scenarioTest('Products created with stock 0, price 0 or no description are stored as sent and listed, but not as in stock', async () => {
  const category = random.category()
  const soldOut = await createProduct(category, { stock: 0 })
  const freeSample = await createProduct(category, { priceCents: 0, description: '' })
  const stocked = await createProduct(category)
  const bare = { sku: random.sku(), name: random.productName(), category, priceCents: random.cents() }
  const created = await service.post<Product>('/products', bare)
  expectStatus(created, 201, `creating a product with neither description nor stock: ${json(bare)}`)
  const bareProduct: Product = { ...bare, description: '', stock: 0, active: true }
  expectProduct(created.body, bareProduct, `POST /products with ${json(bare)} answered`)

  for (const product of [soldOut, freeSample, stocked, bareProduct]) {
    expectProduct(await storedProduct(product.sku), product, `After POST /products for ${product.sku}, the database holds`)
  }
  const all = bySku([soldOut.sku, freeSample.sku, stocked.sku, bareProduct.sku])
  const inStock = bySku([freeSample.sku, stocked.sku])
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
  const skus = bySku(Array.from({ length: 6 }, () => random.sku()))
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
  expectEqual(everywhere.skus, bySku([...new Set(everywhere.skus)]), 'The SKUs listed by GET /products?inStock=true, page after page (each once, in SKU order)')
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
})
