import { expectEqual, random, scenarioTest } from '@debug-drills/drill-kit'
import {
  fail,
  line,
  newCustomer,
  placeOrder,
  shortage,
  stockedSku,
  storedOrdersOf,
  storedStock,
  whileAnotherTransactionHolds
} from './stock.js'

scenarioTest('An order placed while another instance sells the same SKU counts that sale: the last units go once', async () => {
  const cases = [
    // The other sale leaves exactly what this order asks for.
    { label: 'the order takes exactly the units left', enough: true },
    // The other sale leaves one unit less than this order asks for.
    { label: 'one unit short after the other sale', enough: false },
    // The other sale takes everything.
    { label: 'the other sale takes every unit', enough: false, soldOut: true }
  ]
  for (const { label, enough, soldOut } of random.shuffle(cases)) {
    const available = random.int(3, 40)
    const taken = soldOut ? available : random.int(1, available - 2)
    const left = available - taken
    const quantity = enough ? left : soldOut ? random.int(1, Math.min(available, 5)) : left + 1
    const sku = await stockedSku(available)
    const customerId = newCustomer()
    const lines = random.shuffle([line(sku, quantity), ...(random.chance() ? [line(random.sku(), random.int(1, 4))] : [])])
    const [response] = await whileAnotherTransactionHolds(sku, `UPDATE stock_levels SET available = available - ${taken} WHERE sku = $sku`, 1, [() => placeOrder(customerId, lines)])
    const what = `POST /orders for ${quantity} × ${sku} (${label}: ${available} in stock, another instance sold ${taken} at the same moment)`
    const stock = await storedStock(sku)
    const stored = await storedOrdersOf(sku)
    if (enough) {
      if (response!.status !== 201) fail(`${what} answered ${response!.status} ${response!.text.slice(0, 200)}, expected 201: ${left} were left, enough for it.`)
      expectEqual(stock, 0, `The stock of ${sku} stored after ${what}`)
      expectEqual(stored.map((order) => order.id), [response!.body.id], `The stored orders holding ${sku} after ${what}`)
    } else {
      if (response!.status !== 409) {
        fail(`${what} answered ${response!.status}, expected 409: only ${left} were left. The stock now says ${stock}, so ${taken + (response!.status === 201 ? quantity : 0)} units were sold of the ${available} there were.`)
      }
      expectEqual(response!.body as unknown, { message: shortage(sku, left) }, `The answer of ${what}`)
      expectEqual(stock, left, `The stock of ${sku} stored after ${what}`)
      expectEqual(stored, [], `The stored orders holding ${sku} after ${what}`)
    }
  }
})

scenarioTest('Checkouts of the last units at the same moment never sell more than the stock', async () => {
  const available = random.int(2, 6)
  const sku = await stockedSku(available)
  const wanted = Array.from({ length: available + random.int(2, 3) }, () => ({ customerId: newCustomer(), quantity: random.int(1, 2) }))
  const responses = await whileAnotherTransactionHolds(
    sku,
    'PERFORM 1 FROM stock_levels WHERE sku = $sku FOR UPDATE',
    2,
    wanted.map(({ customerId, quantity }) => () => placeOrder(customerId, [line(sku, quantity)]))
  )
  const placed = wanted.filter((_, index) => responses[index]!.status === 201)
  const sold = placed.reduce((sum, order) => sum + order.quantity, 0)
  const stock = await storedStock(sku)
  const what = `${wanted.length} checkouts at once of ${wanted.map((order) => order.quantity).join(', ')} × ${sku} (${available} in stock)`
  for (const [index, response] of responses.entries()) {
    if (response.status !== 201 && response.status !== 409) fail(`In ${what}, the checkout of ${wanted[index]!.quantity} answered ${response.status} ${response.text.slice(0, 200)}, expected 201 or 409.`)
  }
  if (sold > available) fail(`${what} placed ${placed.length} orders for ${sold} units in all: more than the ${available} in stock. The stock now says ${stock}.`)
  expectEqual(stock, available - sold, `The stock of ${sku} stored after ${what} placed orders for ${sold} units`)
  const stored = await storedOrdersOf(sku)
  expectEqual(stored.map((order) => order.customerId).sort(), placed.map((order) => order.customerId).sort(), `The customers with a stored order of ${sku} after ${what}`)
  for (const [index, response] of responses.entries()) {
    if (response.status === 409 && wanted[index]!.quantity <= stock!) {
      fail(`In ${what}, the checkout of ${wanted[index]!.quantity} was refused (${response.text.slice(0, 120)}) although ${stock} are still in stock.`)
    }
  }
})
