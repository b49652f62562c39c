import { database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  changeCounts,
  describeIds,
  fail,
  holdOrder,
  latestChanges,
  mixedPlans,
  newCustomer,
  placeOrders,
  reasonFor,
  refusal,
  sendBatch,
  someoneWaitsForALock,
  stored,
  TARGETS,
  until,
  type BatchAnswer,
  type Order,
  type Status
} from './batch.js'

/** A status an order can leave for `target`. */
function startFor(target: Status): Status {
  if (target === 'paid') return 'pending'
  if (target === 'shipped') return 'paid'
  return random.pick(['pending', 'paid'] as const)
}

scenarioTest('Right after a batch answers, every order it lists as changed reads back in the new status', async () => {
  const target = random.pick(TARGETS)
  const customers = Array.from({ length: random.int(2, 3) }, newCustomer)
  const orders = await placeOrders(Array.from({ length: random.int(3, 5) }, () => ({ customerId: random.pick(customers), status: startFor(target) })))
  const ids = orders.map((order) => order.id)
  const reason = reasonFor(target)
  const before = await changeCounts(ids)
  // Another change of one order is still committing when the batch comes in, as when a
  // packer and the warehouse list touch one order at the same moment.
  const busy = random.pick(orders)
  const hold = await holdOrder(busy.id)
  let answered = false
  const sent = sendBatch(ids, target, reason).finally(() => {
    answered = true
  })
  let early: { answer: string; busyStatus: string | undefined } | undefined
  try {
    await until(5_000, async () => (answered || (await someoneWaitsForALock()) ? true : undefined))
    // The batch cannot be done while order #busy is held; an answer now would come too early.
    // Long enough for an answer that does not wait (250 ms and more) to reach a loaded machine.
    await until(2_000, async () => (answered ? true : undefined))
    if (answered) {
      const response = await sent
      early = { answer: response.text, busyStatus: (await stored([busy.id])).get(busy.id)?.status }
    }
  } finally {
    await hold.release()
  }
  const response = await sent
  if (early) {
    fail(
      `POST /orders/status-batch (orders ${describeIds(ids)} to ${target}) answered ${early.answer} while order #${busy.id} was still ` +
        `${early.busyStatus} in the database (the test kept another change of #${busy.id} open for a moment). ` +
        'The warehouse reads the orders right after the answer and expects every order listed as changed to be changed by then.'
    )
  }
  expectStatus(response, 200, `changing orders ${describeIds(ids)} to ${target} in one batch`)
  expectEqual([...response.body.changed].sort((a, b) => a - b), [...ids].sort((a, b) => a - b), `The orders POST /orders/status-batch listed as changed to ${target}`)
  expectEqual(response.body.failed, [], `The orders POST /orders/status-batch listed as failed`)

  // Read back at once: no waiting.
  const now = await stored(ids)
  const changes = await latestChanges(ids)
  for (const order of orders) {
    const row = now.get(order.id)
    expectEqual(row?.status, target, `Order #${order.id}'s stored status right after the batch answered`)
    expectEqual(row?.changes, (before.get(order.id) ?? 0) + 1, `The number of audit-trail entries of order #${order.id} right after the batch answered`)
    expectEqual(changes.get(order.id), { to: target, changedBy: order.placedBy, reason: reason ?? null }, `The latest audit-trail entry of order #${order.id}`)
  }
  const read = await service.get<Order>(`/orders/${busy.id}`)
  expectStatus(read, 200, `reading order #${busy.id} right after the batch`)
  expectEqual(read.body.status, target, `GET /orders/${busy.id} right after the batch answered: the status`)
  for (const customerId of customers) {
    const mine = orders.filter((order) => order.customerId === customerId)
    const history = await service.get<{ orders: Order[] }>(`/orders?customerId=${customerId}&limit=100`)
    expectStatus(history, 200, `listing ${customerId}'s orders right after the batch`)
    for (const order of mine) {
      expectEqual(history.body.orders.find((listed) => listed.id === order.id)?.status, target, `Order #${order.id} in GET /orders?customerId=${customerId} right after the batch answered`)
    }
  }
})

scenarioTest('A batch names every order it could not change, with why, and changes the others', async () => {
  const target = random.pick(TARGETS)
  // Every status, so each batch holds orders that may change and orders the rules refuse.
  const orders = await placeOrders(mixedPlans(random.int(1, 2)))
  const archived = random.pick(orders)
  expectStatus(await service.delete(`/orders/${archived.id}`), 204, `archiving order #${archived.id}`)
  const [{ max }] = (await database.query<{ max: number }>('SELECT max(id)::int AS max FROM orders')) as [{ max: number }]
  const unknown = max + random.int(1_000, 900_000)
  const ids = random.shuffle([...orders.map((order) => order.id), unknown])
  const reason = reasonFor(target)
  const before = await stored(ids)

  const expectedFailed = [
    { id: unknown, message: `Order ${unknown} not found` },
    { id: archived.id, message: `Order ${archived.id} not found` },
    ...orders.filter((order) => order !== archived && refusal(order.status, target)).map((order) => ({ id: order.id, message: refusal(order.status, target)! }))
  ].sort((a, b) => a.id - b.id)
  const expectedChanged = orders.filter((order) => order !== archived && !refusal(order.status, target)).map((order) => order.id).sort((a, b) => a - b)

  const response = await sendBatch(ids, target, reason)
  expectStatus(response, 200, `changing orders ${describeIds(ids)} to ${target} in one batch`)
  const answer: BatchAnswer = response.body
  const what = `POST /orders/status-batch (orders ${describeIds(ids)} to ${target}; ${orders.map((order) => `#${order.id} was ${order.id === archived.id ? 'archived' : order.status}`).join(', ')}, #${unknown} does not exist)`
  expectEqual([...answer.failed].sort((a, b) => a.id - b.id), expectedFailed, `The orders ${what} listed as failed`)
  expectEqual([...answer.changed].sort((a, b) => a - b), expectedChanged, `The orders ${what} listed as changed`)

  const now = await stored(ids)
  for (const order of orders) {
    const was = before.get(order.id)!
    const row = now.get(order.id)
    const changes = expectedChanged.includes(order.id) ? 1 : 0
    expectEqual(row?.status, changes ? target : order.status, `Order #${order.id}'s stored status right after the batch answered (it was ${order.status})`)
    expectEqual(row?.changes, was.changes + changes, `The number of audit-trail entries of order #${order.id} right after the batch answered`)
    expectEqual(row?.events, was.events + changes, `The number of webhook events of order #${order.id} right after the batch answered`)
  }
  expectEqual(now.has(unknown), false, `Whether order #${unknown}, which does not exist, is stored after the batch`)
})
