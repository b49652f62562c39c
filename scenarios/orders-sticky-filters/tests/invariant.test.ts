import { database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { expected, expectOrders, expectPages, list, mixedOrders, newCustomer, placeOrder, placeOrders, randomLines, STATUSES, type Order, type Status } from './orders.js'

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

scenarioTest('Placing an order stores it with its lines and total', async () => {
  const customerId = newCustomer()
  const lines = randomLines()
  const placed = await service.post<Order>('/orders', { customerId, lines })
  expectStatus(placed, 201, 'placing an order')
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0)
  expectEqual(placed.body.totalCents, total, `The total POST /orders answered for ${customerId}'s order`)
  expectEqual(await storedOrder(placed.body.id), { customer_id: customerId, status: 'pending', total_cents: total, archived: false }, `The stored order ${placed.body.id}`)
  const stored = await database.query('SELECT sku, quantity, unit_price_cents AS "unitPriceCents" FROM order_lines WHERE order_id = $1 ORDER BY id', [placed.body.id])
  expectEqual(stored, lines, `The stored lines of order ${placed.body.id}`)
})

scenarioTest('An order reads back by id; unknown and archived orders are not found', async () => {
  const order = await placeOrder(newCustomer(), random.pick(STATUSES))
  const read = await service.get<Order>(`/orders/${order.id}`)
  expectStatus(read, 200, 'reading the order')
  expectEqual(
    { customerId: read.body.customerId, status: read.body.status, totalCents: read.body.totalCents, lines: read.body.lines },
    { customerId: order.customerId, status: order.status, totalCents: order.totalCents, lines: order.lines },
    `GET /orders/${order.id}`
  )
  expectStatus(await service.get(`/orders/${order.id + random.int(1_000_000, 9_000_000)}`), 404, 'an order that does not exist')
  expectStatus(await service.delete(`/orders/${order.id}`), 204, 'archiving the order')
  expectStatus(await service.get(`/orders/${order.id}`), 404, 'an archived order')
  expectStatus(await service.delete(`/orders/${order.id}`), 404, 'archiving it a second time')
})

scenarioTest("Filtering by customer and status returns exactly that customer's orders in that status", async () => {
  const customers = [newCustomer(), newCustomer(), newCustomer()]
  const orders = await placeOrders([...mixedOrders(customers.slice(0, 1), 2), ...mixedOrders(customers.slice(1))])
  for (const status of random.shuffle(STATUSES)) {
    for (const customerId of customers) {
      const filter = { customerId, status, limit: 100 }
      expectOrders(await list(filter), expected(orders, filter))
    }
  }
  const stranger = { customerId: newCustomer(), status: random.pick(STATUSES), limit: 100 }
  expectOrders(await list(stranger), [], 'a customer without orders')
})

scenarioTest("Paging through a customer's orders in one status returns every order once, newest first", async () => {
  const customerId = newCustomer()
  const status: Status = random.pick(STATUSES)
  // Other customers' orders in the same status, and the customer's other orders, are placed in between.
  const wanted = random.shuffle([
    ...Array.from({ length: 6 }, () => ({ customerId, status })),
    ...Array.from({ length: 4 }, () => ({ customerId: newCustomer(), status })),
    ...STATUSES.filter((other) => other !== status).map((other) => ({ customerId, status: other }))
  ])
  const orders = await placeOrders(wanted)
  const filter = { customerId, status }
  const want = expected(orders, filter)
  for (const limit of [2, 4, 6, 100]) await expectPages(filter, want, limit, true, '')
})

scenarioTest('Archived orders stay stored but are left out of listings', async () => {
  const customerId = newCustomer()
  const status: Status = random.pick(STATUSES)
  const orders = await placeOrders(Array.from({ length: 4 }, () => ({ customerId, status })))
  const archived = random.sample(orders, 2).map((order) => order.id)
  for (const id of archived) expectStatus(await service.delete(`/orders/${id}`), 204, `archiving order ${id}`)
  for (const order of orders) {
    expectEqual((await storedOrder(order.id))?.archived, archived.includes(order.id), `Whether order ${order.id} is stored as archived`)
  }
  const filter = { customerId, status, limit: 100 }
  expectOrders(await list(filter), expected(orders, filter, archived), `after archiving ${archived.map((id) => `#${id}`).join(' and ')}`)
})

scenarioTest('Status changes are stored; an impossible change and an unknown order are told apart', async () => {
  const order = await placeOrder(newCustomer(), 'paid')
  expectEqual((await storedOrder(order.id))?.status, 'paid', `The stored status of order ${order.id} after paying it`)
  const shipped = await service.post<Order>(`/orders/${order.id}/status`, { status: 'shipped' })
  expectStatus(shipped, 200, 'shipping a paid order')
  expectEqual((await storedOrder(order.id))?.status, 'shipped', `The stored status of order ${order.id} after shipping it`)
  expectStatus(await service.post(`/orders/${order.id}/status`, { status: random.pick(['pending', 'paid'] as const) }), 409, 'moving a shipped order back')
  expectEqual((await storedOrder(order.id))?.status, 'shipped', `The stored status of order ${order.id} after a refused change`)
  expectStatus(await service.post(`/orders/${order.id + random.int(1_000_000, 9_000_000)}/status`, { status: 'paid' }), 404, 'changing an order that does not exist')
})

scenarioTest("A customer's history shows a new order, a status change and an archived order at once, though it is cached", async () => {
  const customerId = newCustomer()
  const orders = await placeOrders(mixedOrders([customerId]))
  const limit = random.chance(1 / 3) ? undefined : random.pick([10, 50])
  const page = (status: Status) => ({ customerId, status, limit })
  const archived: number[] = []
  const expectHistory = async (after: string) => {
    for (const status of STATUSES) expectOrders(await list(page(status)), expected(orders, page(status), archived), after)
  }
  // Read twice: the second answer may come from memory.
  await expectHistory('')
  await expectHistory('read again')

  const placed = await placeOrder(customerId)
  orders.push(placed)
  await expectHistory(`right after order #${placed.id} was placed`)

  const next: Status = random.pick(['paid', 'cancelled'])
  const changed = await service.post<Order>(`/orders/${placed.id}/status`, { status: next })
  expectStatus(changed, 200, `moving order ${placed.id} to ${next}`)
  orders[orders.length - 1] = changed.body
  expectEqual((await storedOrder(placed.id))?.status, next, `The stored status of order ${placed.id}`)
  await expectHistory(`right after order #${placed.id} became ${next}`)

  const gone = random.pick(orders)
  expectStatus(await service.delete(`/orders/${gone.id}`), 204, `archiving order ${gone.id}`)
  archived.push(gone.id)
  expectEqual((await storedOrder(gone.id))?.archived, true, `Whether order ${gone.id} is stored as archived`)
  await expectHistory(`right after order #${gone.id} was archived`)
})
