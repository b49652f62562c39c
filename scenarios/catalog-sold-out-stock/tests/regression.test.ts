import { check, expectEqual, expectStatus, random, scenarioTest } from '@debug-drills/drill-kit'
import {
  answerDifferences,
  bySku,
  categoryCount,
  createProduct,
  createProducts,
  describePatch,
  description,
  differences,
  expectPatched,
  historyProblems,
  json,
  listAll,
  listingPath,
  pagesOf,
  patchProduct,
  sameFields,
  sendWhileRowsLocked,
  storedEvents,
  storedPriceChanges,
  storedProduct,
  storedProducts,
  storedStockMovements,
  type Changes,
  type Query,
  type Product
} from './catalog.js'

scenarioTest('Setting the stock to 0 marks the product sold out', async () => {
  const product = await createProduct(random.category())
  await expectPatched(product, { stock: 0 }, `marking the product sold out; it had ${product.stock} in stock`)
})

scenarioTest('A sold-out product leaves the in-stock listing, stays in its category and comes back when restocked', async () => {
  const category = random.category()
  const [soldOut, stocked] = (await createProducts(category, 2)) as [Product, Product]
  expectEqual(await categoryCount(category), 2, `Before any change, the product count of ${category} in GET /categories`)
  await expectPatched(soldOut, { stock: 0 }, 'marking the product sold out')
  const request = describePatch(soldOut.sku, { stock: 0 })

  const inStock = await listAll({ category, inStock: true })
  expectEqual(inStock.skus, [stocked.sku], `After ${request}, the SKUs listed by GET ${listingPath({ category, inStock: true })}`)
  const all = await listAll({ category })
  expectEqual(all.skus, await bySku([soldOut.sku, stocked.sku]), `After ${request}, the SKUs listed by GET /products?category=${category} (sold-out products are still shown)`)
  expectEqual(await categoryCount(category), 2, `After ${request}, the product count of ${category} in GET /categories`)

  const restock = random.int(1, 300)
  await expectPatched({ ...soldOut, stock: 0 }, { stock: restock }, 'restocking the sold-out product')
  const restocked = await listAll({ category, inStock: true })
  expectEqual(restocked.skus, await bySku([soldOut.sku, stocked.sku]), `After restocking ${soldOut.sku} with ${describePatch(soldOut.sku, { stock: restock })}, the SKUs listed by GET /products?category=${category}&inStock=true`)
})

scenarioTest('Hiding a product (active: false) takes it off the storefront until it is shown again', async () => {
  const category = random.category()
  const [hidden, shown] = (await createProducts(category, 2)) as [Product, Product]
  expectEqual(await categoryCount(category), 2, `Before any change, the product count of ${category} in GET /categories`)
  const request = describePatch(hidden.sku, { active: false })
  await expectPatched(hidden, { active: false }, 'hiding the product')

  for (const query of [{ category }, { category, inStock: true }] as Query[]) {
    const listing = await listAll(query)
    expectEqual(listing.skus, [shown.sku], `After ${request}, the SKUs listed by GET ${listingPath(query)}`)
  }
  expectEqual(await categoryCount(category), 1, `After ${request}, the product count of ${category} in GET /categories (hidden products are not counted)`)

  await expectPatched({ ...hidden, active: false }, { active: true }, 'showing the hidden product again')
  const listing = await listAll({ category })
  expectEqual(listing.skus, await bySku([hidden.sku, shown.sku]), `After hiding ${hidden.sku} and showing it again, the SKUs listed by GET /products?category=${category}`)
})

scenarioTest('A product can be made free (price 0) and its description cleared, each on its own', async () => {
  const category = random.category()
  const [free, plain] = (await createProducts(category, 2)) as [Product, Product]
  await Promise.all([
    expectPatched(free, { priceCents: 0 }, `making the product free; it cost ${free.priceCents} cents`),
    expectPatched(plain, { description: '' }, 'clearing the description')
  ])
})

scenarioTest('Marking a product sold out, free, hidden or blank is recorded in its stock history, price history and events', async () => {
  const category = random.category()
  const [soldOut, free, hidden, blank] = (await createProducts(category, 4)) as [Product, Product, Product, Product]
  const cases: [Product, Changes][] = [
    [soldOut, { stock: 0 }],
    [free, { priceCents: 0 }],
    [hidden, { active: false }],
    [blank, { description: '' }]
  ]
  const answers = await Promise.all(cases.map(([product, changes]) => patchProduct(product.sku, changes)))
  answers.forEach((answer, index) => expectStatus(answer, 200, describePatch(cases[index]![0].sku, cases[index]![1])))

  const wrong: string[] = []
  for (const [product, changes] of cases) {
    const request = describePatch(product.sku, changes)
    const [field, value] = Object.entries(changes)[0]! as [keyof Product, unknown]
    const events = await storedEvents(product.sku)
    const edited = events.find((event) => event.type === 'product.updated')
    if (!edited) {
      wrong.push(`after ${request} no product.updated event was recorded for ${product.sku} (events: ${json(events.map((event) => event.type))})`)
    } else if (!sameFields(edited.payload.changes, { [field]: value }) || !sameFields(edited.payload.previous, { [field]: product[field] })) {
      wrong.push(`after ${request} the product.updated event says ${json(edited.payload)}, expected changes ${json({ [field]: value })} from ${json({ [field]: product[field] })}`)
    }
    if (field === 'stock') {
      const movements = await storedStockMovements(product.sku)
      const last = movements.at(-1)
      if (last?.quantity !== -product.stock || last.stockAfter !== 0) {
        const found = last ? `moves ${last.quantity} (${last.reason}) to ${last.stockAfter}` : 'is missing'
        wrong.push(`after ${request} the last stock movement of ${product.sku} ${found}, expected ${-product.stock} down to 0 (it had ${product.stock})`)
      }
      if (!events.some((event) => event.type === 'product.sold_out')) wrong.push(`after ${request} no product.sold_out event was recorded for ${product.sku}`)
    }
    if (field === 'priceCents') {
      const prices = await storedPriceChanges(product.sku)
      if (!sameFields(prices.at(-1), { oldPriceCents: product.priceCents, newPriceCents: 0 })) {
        const last = prices.at(-1)
        const found = last ? `ends with a change from ${last.oldPriceCents} to ${last.newPriceCents} cents` : 'has no price change'
        wrong.push(`after ${request} the price history of ${product.sku} ${found}, expected a change from ${product.priceCents} to 0 cents`)
      }
      if (!events.some((event) => event.type === 'product.price_changed')) wrong.push(`after ${request} no product.price_changed event was recorded for ${product.sku}`)
    }
  }
  check(wrong.length === 0, `${wrong.length} records are missing or wrong:\n- ${wrong.slice(0, 6).join('\n- ')}`)
})

/** The fields a client can set to a falsy value, with that value. */
const FALSY: Changes = { stock: 0, priceCents: 0, active: false, description: '' }
const FALSY_FIELDS = Object.keys(FALSY) as (keyof typeof FALSY)[]

scenarioTest('Every field that can be 0, false or empty is saved, alone and combined, with or without other changes', async () => {
  const category = random.category()
  // Every non-empty combination of the four fields, each on its own product.
  const subsets = Array.from({ length: 2 ** FALSY_FIELDS.length - 1 }, (_, index) => FALSY_FIELDS.filter((_field, bit) => ((index + 1) >> bit) & 1))
  const products = await createProducts(category, subsets.length)
  const movedTo = random.category()
  const cases = subsets.map((fields, index) => {
    const product = products[index]!
    const changes: Changes = Object.fromEntries(fields.map((field) => [field, FALSY[field]]))
    // Every other combination also sets the remaining fields to ordinary values in the same PATCH.
    if (index % 2 === 1) {
      if (!fields.includes('stock')) changes.stock = product.stock + random.int(1, 50)
      if (!fields.includes('priceCents')) changes.priceCents = product.priceCents + random.int(1, 999)
      if (!fields.includes('description')) changes.description = description()
      if (!fields.includes('active')) changes.active = true
    }
    if (index % 3 === 0) changes.name = random.productName()
    if (index % 3 === 1) changes.category = movedTo
    return { product, changes, expected: { ...product, ...changes } }
  })

  const answers = await Promise.all(cases.map(({ product, changes }) => patchProduct(product.sku, changes)))
  const stored = await storedProducts(products.map((product) => product.sku))
  const wrong: string[] = []
  cases.forEach(({ product, changes, expected }, index) => {
    const request = describePatch(product.sku, changes)
    const answer = answers[index]!
    if (answer.status !== 200) {
      wrong.push(`${request} answered ${answer.status}, expected 200: ${answer.text.slice(0, 150)}`)
      return
    }
    const answered = answerDifferences(answer.body, expected)
    if (answered.length > 0) wrong.push(`${request} answered ${answered.join('; ')}`)
    const saved = differences(stored.get(product.sku), expected)
    if (saved.length > 0) wrong.push(`after ${request} the database holds ${saved.join('; ')}`)
  })
  check(wrong.length === 0, `${wrong.length} of ${cases.length * 2} checks went wrong:\n- ${wrong.slice(0, 6).join('\n- ')}`)
})

scenarioTest('Sold-out and hidden products are skipped page after page of the in-stock listing', async () => {
  const category = random.category()
  const skus = await bySku((await createProducts(category, 7)).map((product) => product.sku))
  // By SKU order: the first and the last sold out, one hidden, one both sold out and hidden.
  const changes: [number, Changes][] = [
    [0, { stock: 0 }],
    [2, { active: false }],
    [4, { stock: 0, active: false }],
    [6, { stock: 0 }]
  ]
  const answers = await Promise.all(changes.map(([index, change]) => patchProduct(skus[index]!, change)))
  answers.forEach((answer, i) => expectStatus(answer, 200, describePatch(skus[changes[i]![0]]!, changes[i]![1])))
  const done = changes.map(([index, change]) => describePatch(skus[index]!, change)).join(', ')

  const visible = [0, 1, 3, 5, 6].map((index) => skus[index]!)
  const inStock = [1, 3, 5].map((index) => skus[index]!)
  for (const [query, expected] of [
    [{ category, inStock: true, limit: 2 }, inStock],
    [{ category, inStock: true, limit: 3 }, inStock],
    [{ category, limit: 2 }, visible]
  ] as const) {
    const listing = await listAll(query)
    expectEqual(
      listing.pages,
      pagesOf(expected, query.limit),
      `After ${done}, the pages of GET ${listingPath(query)} (following next)`
    )
  }
})

scenarioTest('Edits from several back-office tabs at once all stick, including sold out, hidden, free and cleared', async () => {
  const product = await createProduct(random.category())
  const edits: Changes[] = [{ stock: 0 }, { active: false }, { priceCents: 0 }, { description: '' }, { name: random.productName() }, { category: random.category() }]
  const answers = await sendWhileRowsLocked(
    [product.sku],
    edits.map((changes) => () => patchProduct(product.sku, changes))
  )
  answers.forEach((answer, index) => {
    const changes = edits[index]!
    expectStatus(answer, 200, 'editing the product from one of several tabs')
    const [field, value] = Object.entries(changes)[0]!
    expectEqual(answer.body[field as keyof Product], value, `In the answer to ${describePatch(product.sku, changes)} (sent at the same time as ${edits.length - 1} other edits), ${field}`)
  })
  const expected = Object.assign({ ...product }, ...edits) as Product
  const stored = await storedProduct(product.sku)
  const wrong = differences(stored, expected)
  check(wrong.length === 0, `After ${edits.map((changes) => describePatch(product.sku, changes)).join(', ')}, all sent at the same time, the database holds ${wrong.join('; ')}.`)
})

scenarioTest('Stock and price set from several tabs at once, sold out and free among them: each answer holds and the histories add up', async () => {
  const product = await createProduct(random.category(), { stock: random.int(20, 400), priceCents: random.cents(500) })
  // Different from each other and from the product's own values, so every edit is a change.
  const stocks = [0, product.stock - random.int(1, 9), product.stock + random.int(1, 90)]
  const prices = [0, product.priceCents + random.int(1, 900)]
  const edits: Changes[] = [...stocks.map((stock) => ({ stock })), ...prices.map((priceCents) => ({ priceCents }))]
  const answers = await sendWhileRowsLocked(
    [product.sku],
    edits.map((changes) => () => patchProduct(product.sku, changes))
  )
  const sent = edits.map((changes) => describePatch(product.sku, changes)).join(', ')
  answers.forEach((answer, index) => {
    const changes = edits[index]!
    expectStatus(answer, 200, 'editing the product from one of several tabs')
    const [field, value] = Object.entries(changes)[0]!
    expectEqual(answer.body[field as keyof Product], value, `In the answer to ${describePatch(product.sku, changes)} (sent at the same time as ${edits.length - 1} other edits), ${field}`)
  })
  const stored = await storedProduct(product.sku)
  check(stored !== undefined && stocks.includes(stored.stock) && prices.includes(stored.priceCents), `After ${sent}, all sent at the same time, the database holds stock ${stored?.stock} and price ${stored?.priceCents}, expected one of the stocks ${json(stocks)} and one of the prices ${json(prices)}.`)
  const problems = await historyProblems(product, stored)
  check(problems.length === 0, `After ${sent}, all sent at the same time (created with stock ${product.stock} at ${product.priceCents} cents): ${problems.join('; ')}.`)
})
