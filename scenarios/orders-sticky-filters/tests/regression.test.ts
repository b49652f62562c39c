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

scenarioTest("After browsing each status, a customer's unfiltered history still shows every order", async () => {
  const customer = newCustomer()
  const pending = await placeOrder(customer, 'pending')
  const paid = await placeOrder(customer, 'paid')
  const order = random.shuffle(['pending', 'paid'] as const)
  for (const status of order) await listIds(`customerId=${customer}&status=${status}&limit=100`)
  const all = await listIds(`customerId=${customer}&limit=100`)
  expectEqual(
    sorted(all),
    sorted([pending.id, paid.id]),
    `GET /orders?customerId=${customer} (after listing its ${order.join(' and then ')} orders) listed order ids`
  )
})
