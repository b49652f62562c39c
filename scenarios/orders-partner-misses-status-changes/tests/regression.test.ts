import { expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { changedEvent, changeStatus, countOfType, expectEvents, placedEvent, placeOrder, reason, type Expected, type Order, type Status } from './events.js'

scenarioTest('Every payment, shipment and cancellation is announced to the fulfilment partner', async () => {
  // Each change the status rules allow, every run; a cancellation with and without a reason.
  const paths: [Status, string | undefined][][] = [
    [['paid', undefined]],
    [['paid', undefined], ['shipped', undefined]],
    [['cancelled', reason()]],
    [['cancelled', undefined]],
    [['paid', undefined], ['cancelled', reason()]]
  ]
  for (const path of random.shuffle(paths)) {
    let order = await placeOrder()
    const want: Expected[] = [placedEvent()]
    const steps: string[] = []
    for (const [status, why] of path) {
      const previous = order.status
      order = await changeStatus(order, status, why)
      want.push(changedEvent(previous, status, why))
      steps.push(`POST /orders/${order.id}/status ${JSON.stringify(why ? { status, reason: why } : { status })}`)
    }
    await expectEvents(order, want, steps.join(', then '))
  }
})

scenarioTest("An order's whole life reaches the partner, up to its archiving (which the partner did not subscribe to)", async () => {
  let order = await placeOrder()
  const why = reason()
  order = await changeStatus(order, 'paid')
  order = await changeStatus(order, 'cancelled', why)
  expectStatus(await service.delete(`/orders/${order.id}`), 204, `archiving order #${order.id}`)
  await expectEvents(order, [placedEvent(), changedEvent('pending', 'paid'), changedEvent('paid', 'cancelled', why)], `paying, cancelling ("${why}") and archiving order #${order.id}`)
})

scenarioTest("The support tool's status batch announces each order it changed, and only those", async () => {
  const fresh = await Promise.all(Array.from({ length: random.int(2, 5) }, () => placeOrder()))
  let shipped: Order = await placeOrder()
  shipped = await changeStatus(shipped, 'paid')
  shipped = await changeStatus(shipped, 'shipped')
  const why = reason()
  const ids = random.shuffle([...fresh, shipped].map((order) => order.id))
  const batch = await service.post<{ changed: number[]; failed: { id: number }[] }>('/orders/status-batch', { ids, status: 'cancelled', reason: why })
  expectStatus(batch, 200, 'cancelling a batch of orders')
  expectEqual(
    [...batch.body.changed].sort((a, b) => a - b),
    fresh.map((order) => order.id).sort((a, b) => a - b),
    'The orders the batch reports as cancelled'
  )
  const after = `POST /orders/status-batch ${JSON.stringify({ ids, status: 'cancelled', reason: why })}`
  for (const order of fresh) await expectEvents(order, [placedEvent(), changedEvent('pending', 'cancelled', why)], after)
  await expectEvents(shipped, [placedEvent(), changedEvent('pending', 'paid'), changedEvent('paid', 'shipped')], `${after} (this order had shipped, so the batch could not cancel it)`)
  expectEqual(await countOfType(ids, 'order.status_changed'), fresh.length + 2, `The number of order.status_changed events recorded for the orders of the batch`)
})
