import { expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  describeLines,
  fail,
  line,
  newCustomer,
  newIdempotencyKey,
  NOTHING,
  placeOrder,
  setStock,
  shortage,
  stockedSku,
  storedFor,
  storedStock,
  whileAnotherCheckoutHolds,
  type Line,
  type Order
} from './checkout.js'

scenarioTest('A checkout refused for stock leaves nothing behind: no order, no lines, no audit entry, no webhook event, no stock taken', async () => {
  const plenty = random.int(10, 60)
  const cases = [
    { label: 'a sold-out SKU alone', left: 0, others: 0, position: 'only' as const },
    { label: 'the short line first', left: random.int(0, 4), others: random.int(1, 3), position: 'first' as const },
    { label: 'the short line last', left: random.int(0, 4), others: random.int(1, 3), position: 'last' as const }
  ]
  for (const { label, left, others, position } of random.shuffle(cases)) {
    const short = await stockedSku(left)
    const roomy = await Promise.all(Array.from({ length: others }, () => stockedSku(plenty)))
    const otherLines: Line[] = [...roomy.map((sku) => line(sku, random.int(1, 5))), ...(others > 0 && random.chance() ? [line(random.sku(), random.int(1, 9))] : [])]
    const shortLine = line(short, left + random.int(1, 3))
    const lines = position === 'last' ? [...random.shuffle(otherLines), shortLine] : [shortLine, ...random.shuffle(otherLines)]
    const customerId = newCustomer()
    const response = await placeOrder(customerId, lines)
    const what = `POST /orders for ${customerId} (${describeLines(lines)}; ${label}, ${left} × ${short} left)`
    expectStatus(response, 409, what)
    expectEqual(response.body as unknown, { message: shortage(short, left) }, `The answer of ${what}`)
    const stored = await storedFor(customerId)
    if (stored.orders.length > 0) {
      fail(`${what} answered 409 "${shortage(short, left)}", yet order ${stored.orders.map((id) => `#${id}`).join(', ')} is stored for ${customerId} (${stored.lines} lines, ${stored.auditEntries} audit entries, ${stored.webhookEvents} webhook events). A refused checkout must leave no order.`)
    }
    expectEqual(stored, NOTHING, `What is stored for ${customerId} after ${what}`)
    expectEqual(await storedStock(short), left, `The stock of ${short} after ${what}`)
    for (const sku of roomy) expectEqual(await storedStock(sku), plenty, `The stock of ${sku} after ${what}`)
    const history = await service.get<{ orders: Order[] }>(`/orders?customerId=${customerId}`)
    expectStatus(history, 200, `listing ${customerId}'s orders`)
    expectEqual(history.body.orders.map((order) => order.id), [], `The orders GET /orders?customerId=${customerId} lists after ${what}`)
  }
})

scenarioTest('A refused checkout retried with its Idempotency-Key after a restock is placed then, and takes the stock', async () => {
  const left = random.int(0, 3)
  const sku = await stockedSku(left)
  const customerId = newCustomer()
  const key = newIdempotencyKey()
  const lines = random.shuffle([line(sku, left + random.int(1, 3)), ...(random.chance() ? [line(random.sku(), random.int(1, 4))] : [])])
  const what = `POST /orders for ${customerId} (${describeLines(lines)}, Idempotency-Key ${key})`
  expectStatus(await placeOrder(customerId, lines, key), 409, `${what} with ${left} × ${sku} left`)
  const restock = lines.find((l) => l.sku === sku)!.quantity + random.int(0, 10)
  await setStock(sku, restock)
  const retried = await placeOrder(customerId, lines, key)
  if (retried.status === 200) {
    fail(`${what}, retried after ${sku} was restocked to ${restock}, answered 200 with order #${(retried.body as Order).id} as if the first, refused attempt had placed it; expected 201 and a new order. The stock of ${sku} is now ${await storedStock(sku)}.`)
  }
  expectStatus(retried, 201, `${what}, retried after ${sku} was restocked to ${restock}`)
  expectEqual(await storedStock(sku), restock - lines.find((l) => l.sku === sku)!.quantity, `The stock of ${sku} after the retried checkout`)
  const stored = await storedFor(customerId)
  expectEqual(stored, { orders: [retried.body.id], lines: lines.length, auditEntries: 1, webhookEvents: 1 }, `What is stored for ${customerId} after the refused checkout and its retry`)
})

scenarioTest('While a checkout waits for stock another checkout holds, its order is not visible yet, and once refused it never was', async () => {
  const available = random.int(2, 12)
  const sku = await stockedSku(available)
  const others = await stockedSku(random.int(10, 40))
  const customerId = newCustomer()
  // The other checkout takes enough that this one falls short by 1 to 3, or takes everything.
  const quantity = random.int(1, available)
  const taken = random.chance(0.3) ? available : random.int(Math.max(1, available - quantity + 1), available)
  const lines = random.shuffle([line(sku, quantity), line(others, random.int(1, 3))])
  const what = `POST /orders for ${customerId} (${describeLines(lines)}) while another checkout took ${taken} of the ${available} × ${sku}`
  const { visibleMeanwhile, responses } = await whileAnotherCheckoutHolds(sku, `UPDATE stock_levels SET available = available - ${taken} WHERE sku = $sku`, 1, customerId, [
    () => placeOrder(customerId, lines)
  ])
  if (visibleMeanwhile.length > 0) {
    fail(`${what}: while the checkout was still undecided, order ${visibleMeanwhile.map((id) => `#${id}`).join(', ')} of ${customerId} was already stored and visible to everyone (the warehouse's pick list, the customer's history). It then answered ${responses[0]!.status}.`)
  }
  const [response] = responses
  expectStatus(response!, 409, what)
  expectEqual(response!.body as unknown, { message: shortage(sku, available - taken) }, `The answer of ${what}`)
  expectEqual(await storedFor(customerId), NOTHING, `What is stored for ${customerId} after ${what}`)
  expectEqual(await storedStock(sku), available - taken, `The stock of ${sku} after ${what}`)
})
