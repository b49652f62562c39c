import { random, scenarioTest } from '@debug-drills/drill-kit'
import { expectOrder, expectRefused, expectStockUntouched, FEW, FEW_LEFT, newCustomer, newProduct, sellDown, split, update, type Item } from './checkout.js'

scenarioTest('The last few units of a product can be checked out, every one of them', async () => {
  for (const left of random.shuffle(FEW)) {
    const product = await newProduct(left)
    await expectOrder(newCustomer(), [{ sku: product.sku, quantity: left }], [product], `all ${left} left`)
    if (left > 1) await expectOrder(newCustomer(), [{ sku: product.sku, quantity: random.int(1, left - 1) }], [product], `${left} left`)
    await expectStockUntouched([product])
  }
})

scenarioTest('A product sold down to its last few units, or restocked only a little, can still be checked out', async () => {
  const sold = await sellDown(await newProduct(random.int(FEW_LEFT + 1, 400)), random.int(1, FEW_LEFT))
  await expectOrder(newCustomer(), [{ sku: sold.sku, quantity: sold.stock }], [sold], `after the shop sold it down to ${sold.stock} in catalog`)
  const restocked = await update(await newProduct(0), { stock: random.int(1, FEW_LEFT) })
  await expectOrder(newCustomer(), [{ sku: restocked.sku, quantity: random.int(1, restocked.stock) }], [restocked], `after the back office set its stock from 0 to ${restocked.stock}`)
  await expectStockUntouched([sold, restocked])
})

scenarioTest('A cart with plenty of one product and the last few of others, in several lines, is checked out at catalog prices', async () => {
  const plenty = await newProduct(random.int(FEW_LEFT + 1, 500))
  const few = await Promise.all(random.sample(FEW, 2).map((left) => newProduct(left)))
  const items: Item[] = random.shuffle([{ sku: plenty.sku, quantity: random.int(1, FEW_LEFT + 1) }, ...few.flatMap((product) => split(product.sku, product.stock))])
  await expectOrder(newCustomer(), items, [plenty, ...few], 'the last units split over lines')
  await expectStockUntouched([plenty, ...few])
})

scenarioTest('Asking for more than the few left is refused, saying how many are left', async () => {
  for (const left of random.shuffle(FEW)) {
    const product = await newProduct(left)
    const customerId = newCustomer()
    await expectRefused(customerId, [{ sku: product.sku, quantity: left + 1 }], 409, `Only ${left} of ${product.sku} left`, `${left} left`)
    // Each line alone fits in what is left, only the two together do not: the lines of one SKU count together.
    await expectRefused(customerId, split(product.sku, left + random.int(1, Math.min(3, left)), left), 409, `Only ${left} of ${product.sku} left`, `${left} left, in two lines`)
  }
})
