import { check, expectStatus, random, scenarioTest } from '@debug-drills/drill-kit'
import { adjust, createProduct, describeAdjustment, json, pageProblem, productPage, whileWriteWaits, type Adjustment } from './stock.js'

/** Every reason the warehouse books, each across every availability boundary: into and out of sold out and low stock. */
function bookings(): { opening: number; adjustment: Adjustment }[] {
  const some = random.int(12, 300)
  return [
    { opening: some, adjustment: { quantity: random.int(1, 60), reason: 'received', reference: `PO-${random.int(10000, 99999)}` } },
    { opening: 0, adjustment: { quantity: random.int(6, 40), reason: 'received' } },
    { opening: 0, adjustment: { quantity: random.int(1, 5), reason: 'returned' } },
    { opening: some, adjustment: { quantity: random.int(1, 4), reason: 'returned', reference: `RMA-${random.int(1000, 9999)}` } },
    { opening: some, adjustment: { quantity: -some, reason: 'sold', reference: `ORD-${random.int(10000, 99999)}` } },
    { opening: some, adjustment: { quantity: -(some - random.int(1, 5)), reason: 'sold' } },
    { opening: some, adjustment: { quantity: -random.int(1, 6), reason: 'sold' } },
    { opening: some, adjustment: { quantity: -random.int(1, 3), reason: 'damaged' } },
    { opening: 5, adjustment: { quantity: -5, reason: 'damaged' } },
    { opening: some, adjustment: { quantity: random.int(1, 20), reason: 'correction' } },
    { opening: some, adjustment: { quantity: -random.int(1, 10), reason: 'correction' } }
  ]
}

scenarioTest('Every stock adjustment shows on a product page that was just viewed', async () => {
  const cases = bookings()
  const products = await Promise.all(cases.map(({ opening }) => createProduct(opening)))
  const problems: string[] = []
  for (const [index, { adjustment }] of cases.entries()) {
    const { sku } = products[index]!
    await productPage(sku, 'viewing the product page before the booking')
    const response = await adjust(sku, adjustment)
    expectStatus(response, 201, describeAdjustment(sku, adjustment))
    const problem = await pageProblem(sku, `${describeAdjustment(sku, adjustment)} (stock ${products[index]!.stock} before, ${response.body.product.stock} answered)`)
    if (problem) problems.push(problem)
  }
  check(problems.length === 0, `${problems.length} of ${cases.length} bookings did not show on the product page: ${problems.slice(0, 3).join(' | ')}.`)
})

scenarioTest('A product page viewed between bookings shows each of them', async () => {
  const product = await createProduct(random.int(30, 200))
  const steps: Adjustment[] = [
    { quantity: -random.int(1, 9), reason: 'sold' },
    { quantity: random.int(1, 50), reason: 'received' },
    { quantity: -random.int(1, 3), reason: 'damaged' },
    { quantity: random.int(1, 2), reason: 'returned' }
  ]
  for (const step of steps) {
    await productPage(product.sku, 'viewing the product page')
    expectStatus(await adjust(product.sku, step), 201, describeAdjustment(product.sku, step))
    const problem = await pageProblem(product.sku, `${describeAdjustment(product.sku, step)}, in a row of ${json(steps)}`)
    check(problem === undefined, `${problem}.`)
  }
})

scenarioTest('A product page viewed while a booking is being saved shows the booking once it is saved', async () => {
  const product = await createProduct(random.int(20, 200))
  const sale: Adjustment = { quantity: -random.int(1, 15), reason: 'sold', reference: `ORD-${random.int(10000, 99999)}` }
  const response = await whileWriteWaits(
    product.sku,
    () => adjust(product.sku, sale),
    async () => {
      await productPage(product.sku, 'viewing the product page while the sale was being booked')
    }
  )
  expectStatus(response, 201, describeAdjustment(product.sku, sale))
  const problem = await pageProblem(product.sku, `${describeAdjustment(product.sku, sale)}, with the product page viewed while it was being saved`)
  check(problem === undefined, `${problem}.`)
})
