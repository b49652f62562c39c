import { expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  describeIds,
  latestChanges,
  mixedPlans,
  newCustomer,
  placeOrders,
  reasonFor,
  sendBatch,
  stored,
  TARGETS,
  until,
  type Order,
  type Status
} from './batch.js'

scenarioTest('A batch of orders that may all change changes them all, with who and why in the audit trail, one webhook event each', async () => {
  const target = random.pick(TARGETS)
  const from: Status = target === 'paid' ? 'pending' : target === 'shipped' ? 'paid' : random.pick(['pending', 'paid'] as const)
  const customers = Array.from({ length: random.int(1, 3) }, newCustomer)
  const orders = await placeOrders(Array.from({ length: random.int(1, 6) }, () => ({ customerId: random.pick(customers), status: from })))
  const ids = orders.map((order) => order.id)
  const reason = reasonFor(target)
  const before = await stored(ids)
  const response = await sendBatch(ids, target, reason)
  expectStatus(response, 200, `changing orders ${describeIds(ids)} from ${from} to ${target} in one batch`)
  expectEqual([...response.body.changed].sort((a, b) => a - b), [...ids].sort((a, b) => a - b), `The orders POST /orders/status-batch listed as changed`)
  expectEqual(response.body.failed, [], 'The orders POST /orders/status-batch listed as failed')
  // However long it takes: this test only asks that the changes happen, once each.
  const done = await until(8_000, async () => {
    const now = await stored(ids)
    return ids.every((id) => now.get(id)?.status === target) ? now : undefined
  })
  const now = done ?? (await stored(ids))
  const changes = await latestChanges(ids)
  for (const order of orders) {
    expectEqual(now.get(order.id)?.status, target, `Order #${order.id}'s stored status after the batch`)
    expectEqual(now.get(order.id)?.changes, before.get(order.id)!.changes + 1, `The number of audit-trail entries of order #${order.id} after the batch`)
    expectEqual(now.get(order.id)?.events, before.get(order.id)!.events + 1, `The number of webhook events of order #${order.id} after the batch`)
    expectEqual(changes.get(order.id), { to: target, changedBy: order.placedBy, reason: reason ?? null }, `The latest audit-trail entry of order #${order.id}`)
  }
})

scenarioTest('Changing one order still moves it, refuses a change the rules forbid with 409 and an unknown order with 404', async () => {
  const [order] = await placeOrders([{ customerId: newCustomer(), status: 'paid' }])
  const changed = await service.post<Order>(`/orders/${order!.id}/status`, { status: 'shipped' })
  expectStatus(changed, 200, `shipping paid order #${order!.id}`)
  expectEqual(changed.body.status, 'shipped', `The status POST /orders/${order!.id}/status answered`)
  expectEqual((await stored([order!.id])).get(order!.id)?.status, 'shipped', `Order #${order!.id}'s stored status after shipping it`)
  expectStatus(await service.post(`/orders/${order!.id}/status`, { status: random.pick(['paid', 'cancelled'] as const) }), 409, `changing shipped order #${order!.id}`)
  expectStatus(await service.post(`/orders/${order!.id + random.int(1_000_000, 9_000_000)}/status`, { status: 'paid' }), 404, 'changing an order that does not exist')
})

scenarioTest('A malformed batch is refused with 400 and changes nothing', async () => {
  const orders = await placeOrders(mixedPlans(1))
  const ids = orders.map((order) => order.id)
  const before = await stored(ids)
  const duplicate = random.pick(ids)
  const malformed = [
    { what: 'an empty batch', body: { ids: [], status: random.pick(TARGETS) } },
    { what: `a batch listing #${duplicate} twice`, body: { ids: random.shuffle([...ids, duplicate]), status: random.pick(TARGETS) } },
    { what: 'a batch without a status', body: { ids } },
    { what: 'a batch to an unknown status', body: { ids, status: random.pick(['refunded', 'lost', 'delivered']) } },
    { what: 'a batch of 101 orders', body: { ids: Array.from({ length: 101 }, (_, index) => ids[0]! + index), status: random.pick(TARGETS) } }
  ]
  for (const { what, body } of malformed) {
    expectStatus(await service.post('/orders/status-batch', body), 400, what)
  }
  const now = await stored(ids)
  for (const id of ids) expectEqual(now.get(id), before.get(id), `Order #${id} as stored after the refused batches`)
})
