import { CheckFailed, database, expectEqual, expectStatus, random, scenarioTest } from '@debug-drills/drill-kit'
import { checkout, expectOrder, expectRefused, expectStockUntouched, FEW, FEW_LEFT, newCustomer, newProduct, sellDown, split, update } from './checkout.js'

scenarioTest("Well-stocked products are checked out at catalog's current prices, a free item at 0", async () => {
  const edge = await newProduct(FEW_LEFT + 1)
  await expectOrder(newCustomer(), [{ sku: edge.sku, quantity: edge.stock }], [edge], `all ${edge.stock} in stock`)
  const plenty = await newProduct(random.int(FEW_LEFT + 2, 900))
  const free = await newProduct(random.int(FEW_LEFT + 1, 300), 0)
  await expectOrder(newCustomer(), random.shuffle([...split(plenty.sku, random.int(2, FEW_LEFT + 1)), { sku: free.sku, quantity: random.int(1, 3) }]), [plenty, free], 'plenty in stock')
  const repriced = await update(plenty, { priceCents: random.cents(99, 60_000) })
  await expectOrder(newCustomer(), [{ sku: repriced.sku, quantity: random.int(1, 4) }], [repriced], `after its price changed from ${plenty.priceCents} to ${repriced.priceCents} cents in catalog`)
  await expectStockUntouched([edge, repriced, free])
})

scenarioTest('Sold-out products and more than the stock are refused with 409, and nothing is ordered', async () => {
  const soldOut = await newProduct(0)
  await expectRefused(newCustomer(), [{ sku: soldOut.sku, quantity: random.int(1, 3) }], 409, `${soldOut.sku} is sold out`, 'none in stock')
  const emptied = await sellDown(await newProduct(random.int(1, 400)), 0)
  await expectRefused(newCustomer(), [{ sku: emptied.sku, quantity: 1 }], 409, `${emptied.sku} is sold out`, 'after the shop sold the last one in catalog')
  const edge = await newProduct(FEW_LEFT + 1)
  await expectRefused(newCustomer(), [{ sku: edge.sku, quantity: edge.stock + 1 }], 409, `Only ${edge.stock} of ${edge.sku} left`, `${edge.stock} in stock`)
  const plenty = await newProduct(random.int(FEW_LEFT + 1, 60))
  const other = await newProduct(random.int(FEW_LEFT + 1, 60))
  const items = random.shuffle([...split(plenty.sku, plenty.stock + random.int(1, 5)), { sku: other.sku, quantity: 1 }])
  await expectRefused(newCustomer(), items, 409, `Only ${plenty.stock} of ${plenty.sku} left`, `${plenty.stock} in stock, in two lines`)
  await expectStockUntouched([soldOut, emptied, edge, plenty, other])
})

scenarioTest('Unknown and discontinued products are refused with 422, before any shortage, whatever their stock', async () => {
  const known = await newProduct(random.int(FEW_LEFT + 1, 200))
  const unknown = random.sku()
  await expectRefused(newCustomer(), random.shuffle([{ sku: known.sku, quantity: 1 }, { sku: unknown, quantity: 1 }]), 422, `There is no product ${unknown} in the catalogue`, 'a SKU catalog does not have')
  for (const stock of [0, random.pick(FEW), random.int(FEW_LEFT + 1, 200)]) {
    const discontinued = await update(await newProduct(stock), { active: false })
    await expectRefused(newCustomer(), [{ sku: discontinued.sku, quantity: 1 }], 422, `${discontinued.sku} is no longer sold`, `discontinued, ${stock} in stock`)
  }
  const soldOut = await newProduct(0)
  await expectRefused(newCustomer(), [{ sku: soldOut.sku, quantity: 1 }, { sku: unknown, quantity: 1 }], 422, `There is no product ${unknown} in the catalogue`, 'a sold-out product and an unknown SKU')
})

scenarioTest('A checkout retried with its Idempotency-Key answers the first order and places one', async () => {
  const product = await newProduct(random.int(FEW_LEFT + 1, 300))
  const customerId = newCustomer()
  const items = [{ sku: product.sku, quantity: random.int(1, FEW_LEFT) }]
  const headers = { 'idempotency-key': `cart_${random.int(10_000_000, 99_999_999)}` }
  const first = await checkout(customerId, items, headers)
  expectStatus(first, 201, 'the first checkout')
  const again = await checkout(customerId, items, headers)
  expectStatus(again, 200, 'the same checkout sent again with its Idempotency-Key')
  if (again.body.id !== first.body.id) throw new CheckFailed(`The retried checkout answered order ${again.body.id}, expected the first one, ${first.body.id}.`)
  const [row] = await database.query<{ count: number }>('SELECT count(*)::int AS count FROM orders WHERE customer_id = $1', [customerId])
  expectEqual(row?.count, 1, `The number of orders stored for ${customerId}`)
})
