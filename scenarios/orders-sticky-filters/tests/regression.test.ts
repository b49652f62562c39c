import { expectEqual, random, scenarioTest } from '@debug-drills/drill-kit'
import { listIds, newCustomer, placeOrder, sorted } from './orders.js'

scenarioTest("A customer's full history does not keep the status filter of an earlier request", async () => {
  const customer = newCustomer()
  const orders = [await placeOrder(customer, 'pending'), await placeOrder(customer, 'paid'), await placeOrder(customer, 'shipped')]
  const status = random.pick(['pending', 'paid', 'shipped'] as const)
  await listIds(`customerId=${customer}&status=${status}&limit=100`)
  const all = await listIds(`customerId=${customer}&limit=100`)
  expectEqual(
    sorted(all),
    sorted(orders.map((order) => order.id)),
    `GET /orders?customerId=${customer} (right after a request filtered by status=${status}) listed order ids`
  )
})

scenarioTest("Listing by status does not keep the customer of an earlier request", async () => {
  const first = newCustomer()
  const second = newCustomer()
  const mine = await placeOrder(first, 'paid')
  const theirs = await placeOrder(second, 'paid')
  await listIds(`customerId=${first}&limit=100`)
  const paid = await listIds('status=paid&limit=100')
  expectEqual(
    [mine.id, theirs.id].map((id) => paid.includes(id)),
    [true, true],
    `Whether GET /orders?status=paid (right after listing ${first}'s orders) includes the paid orders of ${first} and of ${second}`
  )
})

scenarioTest('The same query gives the same answer before and after other filtered requests', async () => {
  const customer = newCustomer()
  for (let i = 0; i < random.int(2, 4); i++) await placeOrder(customer, random.pick(['pending', 'paid'] as const))
  const query = `customerId=${customer}&limit=100`
  const before = await listIds(query)
  await listIds(`status=shipped&customerId=${newCustomer()}&limit=5`)
  const after = await listIds(query)
  expectEqual(after, before, `GET /orders?${query} after an unrelated filtered request (ids)`)
})
