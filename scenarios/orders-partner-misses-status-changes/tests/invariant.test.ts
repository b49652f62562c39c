import { database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { countOfType, expectEvents, newCustomer, placedEvent, placeOrder, randomLines, reason, type Order, type Status } from './events.js'

interface OrderRow {
  customer_id: string
  status: string
  total_cents: number
  archived: boolean
}

async function storedOrder(id: number): Promise<OrderRow | undefined> {
  const rows = await database.query<OrderRow>('SELECT customer_id, status::text AS status, total_cents, archived_at IS NOT NULL AS archived FROM orders WHERE id = $1', [id])
  return rows[0]
}

scenarioTest('Every new order is announced to the fulfilment partner once, with the order as placed', async () => {
  const wanted = Array.from({ length: random.int(2, 4) }, () => ({ customerId: newCustomer(), lines: randomLines() }))
  for (const { customerId, lines } of wanted) {
    const order = await placeOrder(customerId, lines)
    const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0)
    expectEqual(order.totalCents, total, `The total POST /orders answered for ${customerId}'s order`)
    expectEqual(await storedOrder(order.id), { customer_id: customerId, status: 'pending', total_cents: total, archived: false }, `The stored order #${order.id}`)
    await expectEvents(order, [placedEvent()], `POST /orders for ${customerId}`)
  }
})

scenarioTest('A storefront retry with the same Idempotency-Key is announced once', async () => {
  const customerId = newCustomer()
  const body = { customerId, lines: randomLines() }
  const key = `chk_${random.int(100_000, 999_999)}_${customerId.slice(4, 10)}`
  const first = await service.post<Order>('/orders', body, { headers: { 'idempotency-key': key } })
  expectStatus(first, 201, 'placing the order')
  const retry = await service.post<Order>('/orders', body, { headers: { 'idempotency-key': key } })
  expectStatus(retry, 200, 'the storefront retrying the same checkout')
  expectEqual(retry.body.id, first.body.id, 'The order the retry answered')
  await expectEvents(first.body, [placedEvent()], `POST /orders for ${customerId} and its retry with the same Idempotency-Key`)
})

scenarioTest('Archiving an order keeps it stored and sends the partner nothing: it did not subscribe to archives', async () => {
  const orders = await Promise.all(Array.from({ length: random.int(2, 3) }, () => placeOrder()))
  for (const order of orders) {
    expectStatus(await service.delete(`/orders/${order.id}`), 204, `archiving order #${order.id}`)
    expectEqual((await storedOrder(order.id))?.archived, true, `Whether order #${order.id} is stored as archived`)
    expectStatus(await service.get(`/orders/${order.id}`), 404, 'reading an archived order')
    await expectEvents(order, [placedEvent()], `DELETE /orders/${order.id}`)
  }
  expectEqual(await countOfType(orders.map((order) => order.id), 'order.archived'), 0, 'The number of order.archived events recorded for the archived orders')
  expectStatus(await service.delete(`/orders/${orders[0]!.id}`), 404, 'archiving it a second time')
})

scenarioTest('Status changes are applied and kept in the order history, with who and why', async () => {
  const paths: [Status, string | undefined][][] = [
    [['paid', undefined]],
    [['paid', undefined], ['shipped', undefined]],
    [['cancelled', reason()]],
    [['paid', undefined], ['cancelled', reason()]]
  ]
  for (const path of random.shuffle(paths)) {
    let order = await placeOrder()
    const history: { from: string | null; to: string; reason: string | null }[] = [{ from: null, to: 'pending', reason: null }]
    for (const [status, why] of path) {
      const changed = await service.post<Order>(`/orders/${order.id}/status`, why ? { status, reason: why } : { status })
      expectStatus(changed, 200, `moving order #${order.id} from ${order.status} to ${status}`)
      history.push({ from: order.status, to: status, reason: why ?? null })
      order = changed.body
    }
    const rows = await database.query<{ from: string | null; to: string; reason: string | null; changed_by: string | null }>(
      'SELECT from_status::text AS "from", to_status::text AS "to", reason, changed_by FROM order_status_changes WHERE order_id = $1 ORDER BY id',
      [order.id]
    )
    expectEqual(
      rows.map(({ from, to, reason: why }) => ({ from, to, reason: why })),
      history,
      `The stored history of order #${order.id}`
    )
    expectEqual(rows.map((row) => row.changed_by), history.map(() => order.placedBy), `Who made each change of order #${order.id}`)
    expectEqual((await storedOrder(order.id))?.status, order.status, `The stored status of order #${order.id}`)
  }
})

scenarioTest('A refused status change is not announced', async () => {
  const order = await placeOrder()
  const refused = await service.post(`/orders/${order.id}/status`, { status: 'shipped' })
  expectStatus(refused, 409, `shipping order #${order.id}, which was never paid`)
  expectStatus(await service.post(`/orders/${order.id + random.int(1_000_000, 9_000_000)}/status`, { status: 'paid' }), 404, 'paying an order that does not exist')
  expectEqual((await storedOrder(order.id))?.status, 'pending', `The stored status of order #${order.id}`)
  await expectEvents(order, [placedEvent()], `the refused POST /orders/${order.id}/status`)
})
