import { expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { line, newCustomer, placeOrder, shortage, stockedSku, storedOrdersOf, storedOrdersOfCustomer, storedStock, type Order } from './stock.js'

scenarioTest('Orders one after another take their units until the SKU is sold out, then a restock sells again', async () => {
  const available = random.int(4, 30)
  const sku = await stockedSku(available)
  const first = random.int(1, available - 2)
  const placed = await placeOrder(newCustomer(), [line(sku, first)])
  expectStatus(placed, 201, `ordering ${first} of the ${available} × ${sku} in stock`)
  expectEqual(await storedStock(sku), available - first, `The stock of ${sku} stored after an order for ${first}`)
  const read = await service.get<{ sku: string; available: number }>(`/stock/${sku}`)
  expectStatus(read, 200, `reading the stock of ${sku}`)
  expectEqual(read.body, { sku, available: available - first }, `GET /stock/${sku} after an order for ${first}`)

  const left = available - first
  const tooMany = await placeOrder(newCustomer(), [line(sku, left + random.int(1, 3))])
  expectStatus(tooMany, 409, `ordering more than the ${left} × ${sku} left`)
  expectEqual(tooMany.body as unknown, { message: shortage(sku, left) }, `The answer to an order for more than the ${left} × ${sku} left`)

  const last = await placeOrder(newCustomer(), [line(sku, left)])
  expectStatus(last, 201, `ordering exactly the ${left} × ${sku} left`)
  expectEqual(await storedStock(sku), 0, `The stock of ${sku} stored after the last units were ordered`)
  const soldOut = await placeOrder(newCustomer(), [line(sku, 1)])
  expectStatus(soldOut, 409, `ordering one more of the sold-out ${sku}`)
  expectEqual(soldOut.body as unknown, { message: shortage(sku, 0) }, `The answer to an order for the sold-out ${sku}`)

  const restock = random.int(1, 20)
  expectStatus(await service.put(`/stock/${sku}`, { available: restock }), 200, `restocking ${sku} with ${restock}`)
  expectStatus(await placeOrder(newCustomer(), [line(sku, restock)]), 201, `ordering the ${restock} × ${sku} restocked`)
  expectEqual(await storedStock(sku), 0, `The stock of ${sku} stored after the restock was sold`)
  expectEqual((await storedOrdersOf(sku)).length, 3, `The number of stored orders holding ${sku}`)
})

scenarioTest('An order with one line short of stock is refused whole: nothing is placed and no line takes stock', async () => {
  const plenty = random.int(10, 50)
  const few = random.int(0, 3)
  const [roomy, short] = [await stockedSku(plenty), await stockedSku(few)]
  const untracked = random.sku()
  const customerId = newCustomer()
  const lines = random.shuffle([line(roomy, random.int(1, 5)), line(untracked, random.int(1, 9)), line(short, few + random.int(1, 3))])
  const refused = await placeOrder(customerId, lines)
  expectStatus(refused, 409, `an order for ${lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')} with only ${few} × ${short} in stock`)
  expectEqual(refused.body as unknown, { message: shortage(short, few) }, 'The answer to the refused order')
  expectEqual(await storedStock(roomy), plenty, `The stock of ${roomy} after the refused order`)
  expectEqual(await storedStock(short), few, `The stock of ${short} after the refused order`)
  expectEqual(await storedOrdersOfCustomer(customerId), 0, `The number of orders stored for ${customerId} after the refused order`)
})

scenarioTest('SKUs without a stock level are not limited, and one SKU on two lines takes both quantities', async () => {
  const untracked = random.sku()
  const big = await placeOrder(newCustomer(), [line(untracked, random.int(200, 1000))])
  expectStatus(big, 201, `a large order of ${untracked}, which has no stock level`)
  expectStatus(await service.get(`/stock/${untracked}`), 404, `reading the stock of ${untracked}, which is not stocked`)
  expectEqual(await storedStock(untracked), undefined, `The stock level of ${untracked} after the order`)

  const available = random.int(5, 20)
  const sku = await stockedSku(available)
  const [a, b] = [random.int(1, 2), random.int(1, 2)]
  const twice = await placeOrder(newCustomer(), [line(sku, a), line(random.sku(), 1), line(sku, b)])
  expectStatus(twice, 201, `an order with ${sku} on two lines`)
  expectEqual((twice.body as Order).lines.length, 3, 'The number of lines of the order answered')
  expectEqual(await storedStock(sku), available - a - b, `The stock of ${sku} after an order for ${a} and ${b} of it`)
})

scenarioTest('Stock levels are set and read through the API; a negative level is refused', async () => {
  const sku = random.sku()
  const available = random.int(0, 500)
  const set = await service.put<{ sku: string; available: number }>(`/stock/${sku}`, { available })
  expectStatus(set, 200, `setting the stock of ${sku}`)
  expectEqual(set.body, { sku, available }, `PUT /stock/${sku}`)
  expectEqual(await storedStock(sku), available, `The stored stock of ${sku}`)
  expectStatus(await service.put(`/stock/${sku}`, { available: -random.int(1, 5) }), 400, 'a negative stock level')
  expectEqual(await storedStock(sku), available, `The stored stock of ${sku} after a refused change`)
})
