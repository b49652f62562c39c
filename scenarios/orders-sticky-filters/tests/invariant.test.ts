import { database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { listIds, newCustomer, placeOrder, randomLines, type Order } from './orders.js'

scenarioTest('Placing an order stores it with its lines and total', async () => {
  const customerId = newCustomer()
  const lines = randomLines()
  const placed = await service.post<Order>('/orders', { customerId, lines })
  expectStatus(placed, 201, 'placing an order')
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0)
  expectEqual(placed.body.totalCents, total, 'The order total')
  const rows = await database.query<{ count: string }>('SELECT count(*) FROM order_lines WHERE order_id = $1', [placed.body.id])
  expectEqual(Number(rows[0]?.count), lines.length, 'The number of stored order lines')
})

scenarioTest('An order reads back by id', async () => {
  const order = await placeOrder(newCustomer())
  const read = await service.get<Order>(`/orders/${order.id}`)
  expectStatus(read, 200, 'reading the order')
  expectEqual(read.body.totalCents, order.totalCents, 'The total read back')
})

scenarioTest('Filtering by both customer and status returns exactly those orders', async () => {
  const customer = newCustomer()
  const wanted = random.pick(['pending', 'paid', 'shipped'] as const)
  const orders = [await placeOrder(customer, 'pending'), await placeOrder(customer, 'paid'), await placeOrder(customer, 'shipped')]
  await placeOrder(newCustomer(), wanted)
  const listed = await listIds(`customerId=${customer}&status=${wanted}&limit=100`)
  expectEqual(listed, orders.filter((order) => order.status === wanted).map((order) => order.id), `Orders listed for ${customer} with status ${wanted}`)
})

scenarioTest('A shipped order cannot go back to pending', async () => {
  const order = await placeOrder(newCustomer(), 'shipped')
  expectStatus(await service.post(`/orders/${order.id}/status`, { status: 'pending' }), 409, 'reopening a shipped order')
})

scenarioTest('Archived orders are left out of listings', async () => {
  const customer = newCustomer()
  const kept = await placeOrder(customer, 'paid')
  const archived = await placeOrder(customer, 'paid')
  expectStatus(await service.delete(`/orders/${archived.id}`), 204, 'archiving an order')
  expectEqual(await listIds(`customerId=${customer}&status=paid&limit=100`), [kept.id], `Paid orders listed for ${customer}`)
})
