import { CheckFailed, random, scenarioTest } from '@debug-drills/drill-kit'
import { expected, expectOrders, expectPages, list, listPath, mixedOrders, newCustomer, placeOrders, STATUSES, type Filter } from './orders.js'

scenarioTest("A customer's full history lists every order after each status was browsed", async () => {
  const customer = newCustomer()
  const orders = await placeOrders(mixedOrders([customer, newCustomer()]))
  for (const status of random.shuffle(STATUSES)) {
    const filtered = { customerId: customer, status, limit: 100 }
    expectOrders(await list(filtered), expected(orders, filtered))
    const all = { customerId: customer, limit: 100 }
    expectOrders(await list(all), expected(orders, all), `right after listing ${customer}'s ${status} orders`)
  }
})

scenarioTest("The status queues list every customer's orders after a customer was looked up", async () => {
  const customers = [newCustomer(), newCustomer(), newCustomer()]
  const orders = await placeOrders(mixedOrders(customers))
  for (const status of random.shuffle(STATUSES)) {
    const lookedUp = random.pick(customers)
    const before = random.chance() ? { customerId: lookedUp, limit: 100 } : { customerId: lookedUp, status: random.pick(STATUSES), limit: 100 }
    expectOrders(await list(before), expected(orders, before))
    // This run's orders are the newest, so a limit of their number shows exactly them.
    const want = expected(orders, { status })
    expectOrders(await list({ status, limit: want.length }), want, `right after GET ${listPath(before)}`)
  }
})

scenarioTest('The unfiltered listing shows every order after filtered listings', async () => {
  const customers = [newCustomer(), newCustomer()]
  const orders = await placeOrders(mixedOrders(customers))
  const customerId = random.pick(customers)
  const status = random.pick(STATUSES)
  const earlier: Filter[] = random.shuffle([{ customerId, status, limit: 100 }, { customerId, limit: 100 }, { status, limit: orders.length }])
  for (const filter of earlier) expectOrders(await list(filter), expected(orders, filter), '', filter.customerId === undefined)
  expectOrders(await list({ limit: orders.length }), expected(orders, {}), `after ${earlier.map((filter) => `GET ${listPath(filter)}`).join(', ')}`)
})

scenarioTest('Listings sent at the same moment each apply only their own filters', async () => {
  const customers = [newCustomer(), newCustomer(), newCustomer()]
  const orders = await placeOrders(mixedOrders(customers))
  const filters: Filter[] = [
    ...customers.map((customerId) => ({ customerId, limit: 100 })),
    ...STATUSES.map((status) => ({ status, limit: expected(orders, { status }).length })),
    ...random.sample(customers, 2).map((customerId) => ({ customerId, status: random.pick(STATUSES), limit: 100 })),
    { limit: orders.length }
  ]
  // Several rounds of every listing twice over: each request waits on the database while others arrive.
  for (let round = 1; round <= 3; round++) {
    const batch = random.shuffle([...filters, ...filters])
    const answers = await Promise.all(batch.map((filter) => list(filter)))
    const wrong: string[] = []
    answers.forEach((answer, index) => {
      try {
        expectOrders(answer, expected(orders, batch[index]!))
      } catch (error) {
        wrong.push((error as Error).message)
      }
    })
    if (wrong.length > 0) {
      throw new CheckFailed(`${wrong.length} of ${batch.length} listings sent at the same moment answered the wrong orders. The first: ${wrong[0]}`)
    }
  }
})

scenarioTest('Paging through a listing after filtered listings returns every order once, newest first', async () => {
  const customerId = newCustomer()
  const other = newCustomer()
  const orders = await placeOrders([...mixedOrders([customerId], 2), ...mixedOrders([other])])
  const paths: Filter[] = random.shuffle([{ customerId }, { status: random.pick(STATUSES) }, {}])
  for (const filter of paths) {
    const earlier = { customerId: other, status: random.pick(STATUSES.filter((status) => status !== filter.status)), limit: 100 }
    expectOrders(await list(earlier), expected(orders, earlier))
    const want = expected(orders, filter)
    // Pages that end exactly on the last order and pages that end part-full.
    const limits = filter.customerId ? [4, 3] : filter.status ? [3, 2] : [4, 5]
    for (const limit of limits) {
      await expectPages(filter, want, limit, filter.customerId !== undefined, `right after GET ${listPath(earlier)}`)
    }
  }
})
