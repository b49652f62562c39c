import { CheckFailed, random, scenarioTest } from '@debug-drills/drill-kit'
import { expected, expectOrders, expectPages, inWaves, list, listPath, mixedOrders, newCustomer, placeOrders, STATUSES, type Filter, type Listing, type Order } from './orders.js'

scenarioTest("A customer's full history lists every order after each status was browsed", async () => {
  const customer = newCustomer()
  const orders = await placeOrders(mixedOrders([customer, newCustomer()]))
  // The app's default page size and a few others, so no answer can come from an earlier one.
  const limits = random.shuffle([undefined, 25, 50, 100])
  for (const [index, status] of random.shuffle(STATUSES).entries()) {
    const filtered = { customerId: customer, status, limit: 100 }
    expectOrders(await list(filtered), expected(orders, filtered))
    const all = { customerId: customer, limit: limits[index] }
    expectOrders(await list(all), expected(orders, all), `right after listing ${customer}'s ${status} orders`)
  }
})

scenarioTest("The status queues list every customer's orders after a customer was looked up", async () => {
  const customers = [newCustomer(), newCustomer(), newCustomer()]
  const orders = await placeOrders(mixedOrders(customers))
  for (const status of random.shuffle(STATUSES)) {
    // A customer's whole history and a customer's orders in one status, in either order.
    const lookups: Filter[] = random.shuffle([
      { customerId: random.pick(customers), limit: 100 },
      { customerId: random.pick(customers), status: random.pick(STATUSES), limit: 100 }
    ])
    for (const lookup of lookups) {
      expectOrders(await list(lookup), expected(orders, lookup))
      // This run's orders are the newest, so a limit of their number shows exactly them.
      const want = expected(orders, { status })
      expectOrders(await list({ status, limit: want.length }), want, `right after GET ${listPath(lookup)}`)
    }
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

scenarioTest('Listings that arrive while others are still in flight each apply only their own filters', async () => {
  const customers = [newCustomer(), newCustomer(), newCustomer()]
  const orders = await placeOrders(mixedOrders(customers))
  const [first, second, third] = random.shuffle(customers) as [string, string, string]
  const [one, two, three, four] = random.shuffle(STATUSES) as [Order['status'], Order['status'], Order['status'], Order['status']]
  const queue = (status: Order['status']): Filter => ({ status, limit: expected(orders, { status }).length })
  // Each filter alone and combined, in both waves.
  const inFlight: Filter[] = random.shuffle([{ customerId: first, limit: 100 }, { customerId: second, status: one, limit: 100 }, queue(two)])
  const arriving: Filter[] = random.shuffle([
    queue(three),
    { limit: orders.length },
    { customerId: third, limit: 100 },
    { customerId: third, status: four, limit: 100 },
    { customerId: first, status: two, limit: 100 }
  ])
  const [earlier = [], later = []] = await inWaves([inFlight.map((filter) => () => list(filter)), arriving.map((filter) => () => list(filter))])
  const pending = inFlight.map((filter) => `GET ${listPath(filter)}`).join(', ')
  const wrong: string[] = []
  const check = (answers: Listing[], filters: Filter[], context: string) =>
    answers.forEach((answer, index) => {
      try {
        expectOrders(answer, expected(orders, filters[index]!), context)
      } catch (error) {
        wrong.push((error as Error).message)
      }
    })
  check(later, arriving, `sent while ${pending} were still waiting for their answers`)
  check(earlier, inFlight, 'sent at the same moment as other listings')
  if (wrong.length > 0) {
    throw new CheckFailed(`${wrong.length} of ${inFlight.length + arriving.length} listings sent at about the same moment answered the wrong orders. The first: ${wrong[0]}`)
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
