import { database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  describeLines,
  fail,
  line,
  newCustomer,
  newIdempotencyKey,
  placeOrder,
  stockedSku,
  storedFor,
  storedStock,
  whileAnotherCheckoutHolds,
  type Order
} from './checkout.js'

scenarioTest('A checkout with stock stores the order, its lines, one audit entry and one webhook event, and takes the stock', async () => {
  const available = random.int(3, 40)
  const sku = await stockedSku(available)
  const quantity = random.int(1, available)
  const customerId = newCustomer()
  const lines = random.shuffle([line(sku, quantity), ...Array.from({ length: random.int(0, 2) }, () => line(random.sku(), random.int(1, 6)))])
  const placed = await placeOrder(customerId, lines)
  expectStatus(placed, 201, `POST /orders for ${customerId} (${describeLines(lines)})`)
  expectEqual(await storedStock(sku), available - quantity, `The stock of ${sku} after an order for ${quantity} of ${available}`)
  expectEqual(await storedFor(customerId), { orders: [placed.body.id], lines: lines.length, auditEntries: 1, webhookEvents: 1 }, `What is stored for ${customerId} after the order`)
  const trail = await service.get<{ changes: { from: string | null; to: string }[] }>(`/orders/${placed.body.id}/status-changes`)
  expectStatus(trail, 200, `the audit trail of order #${placed.body.id}`)
  expectEqual(trail.body.changes.map(({ from, to }) => ({ from, to })), [{ from: null, to: 'pending' }], `The audit trail of order #${placed.body.id}`)
  const [event] = await database.query<{ type: string }>('SELECT type FROM outbox_events WHERE order_id = $1', [placed.body.id])
  expectEqual(event?.type, 'order.placed', `The webhook event of order #${placed.body.id}`)
})

scenarioTest('A checkout retried with its Idempotency-Key answers the first order and takes the stock once; another body with that key is refused', async () => {
  const available = random.int(5, 30)
  const sku = await stockedSku(available)
  const quantity = random.int(1, Math.floor(available / 2))
  const customerId = newCustomer()
  const key = newIdempotencyKey()
  const lines = [line(sku, quantity)]
  const first = await placeOrder(customerId, lines, key)
  expectStatus(first, 201, `the first checkout with Idempotency-Key ${key}`)
  const again = await placeOrder(customerId, lines, key)
  expectStatus(again, 200, `the same checkout retried with Idempotency-Key ${key}`)
  expectEqual(again.body.id, first.body.id, `The order the retry with Idempotency-Key ${key} answered`)
  expectEqual(await storedStock(sku), available - quantity, `The stock of ${sku} after a checkout and its retry`)
  expectStatus(await placeOrder(customerId, [line(sku, quantity + 1)], key), 422, `another order with Idempotency-Key ${key}`)
  expectEqual(await storedStock(sku), available - quantity, `The stock of ${sku} after the refused reuse of the key`)
  expectEqual((await storedFor(customerId)).orders, [first.body.id], `The orders stored for ${customerId}`)
})

scenarioTest('A double-clicked checkout of the last units (one Idempotency-Key, twice at once) places one order and answers it to both clicks', async () => {
  const available = random.int(1, 6)
  const sku = await stockedSku(available)
  const customerId = newCustomer()
  const key = newIdempotencyKey()
  const lines = random.shuffle([line(sku, available), ...(random.chance() ? [line(random.sku(), random.int(1, 3))] : [])])
  const { responses } = await whileAnotherCheckoutHolds(sku, 'PERFORM 1 FROM stock_levels WHERE sku = $sku FOR UPDATE', 2, customerId, [
    () => placeOrder(customerId, lines, key),
    () => placeOrder(customerId, lines, key)
  ])
  const what = `Two checkouts at once for ${customerId} with Idempotency-Key ${key} (${describeLines(lines)}, the last ${available} × ${sku})`
  const statuses = responses.map((response) => response.status).sort()
  if (statuses.join() !== '200,201') {
    fail(`${what} answered ${responses.map((response) => `${response.status} ${response.text.slice(0, 100)}`).join(' and ')}; expected 201 and 200 with the same order, as for any retry.`)
  }
  expectEqual((responses[0]!.body as Order).id, (responses[1]!.body as Order).id, `The orders ${what} answered`)
  expectEqual(await storedStock(sku), 0, `The stock of ${sku} after ${what}`)
  expectEqual(await storedFor(customerId), { orders: [(responses[0]!.body as Order).id], lines: lines.length, auditEntries: 1, webhookEvents: 1 }, `What is stored for ${customerId} after ${what}`)
})

scenarioTest('Orders that cannot be placed are told apart: 409 for stock, 422 for a total too large, 400 for no lines', async () => {
  const sku = await stockedSku(0)
  const customerId = newCustomer()
  expectStatus(await placeOrder(customerId, [line(sku, random.int(1, 3))]), 409, `an order of the sold-out ${sku}`)
  const huge = Array.from({ length: 3 }, () => ({ sku: random.sku(), quantity: 1000, unitPriceCents: 1_000_000 }))
  expectStatus(await placeOrder(customerId, huge), 422, 'an order whose total is larger than an order can hold')
  expectStatus(await placeOrder(customerId, []), 400, 'an order without lines')
  const placed = await placeOrder(customerId, [line(random.sku(), random.int(1, 5))])
  expectStatus(placed, 201, `an order of a SKU without a stock level, for ${customerId}`)
})
