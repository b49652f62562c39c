import { check, database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  balanceOf,
  customerId,
  deliver,
  describeTopUp,
  expectCreditedOnce,
  handled,
  openWallet,
  settle,
  storedEntries,
  storedEvent,
  topUp,
  whileHeld
} from './wallet.js'

scenarioTest('Each top-up is credited once, with its ledger entry, even two of the same amount', async () => {
  const customer = customerId()
  await openWallet(customer)
  const amount = random.cents(500, 50_000)
  const first = topUp(customer, amount)
  const second = topUp(customer, amount)
  const third = topUp(customer, random.int(1, 99))
  for (const event of [first, second, third]) {
    await deliver(event)
    await handled(event)
  }
  const story = `After the provider delivered three payments for ${customer} (${amount}, ${amount} and ${third.data.amountCents} cents), each once`
  await expectCreditedOnce(first, story, [second, third])
  const entries = await storedEntries(customer)
  expectEqual(
    entries.map((entry) => [entry.kind, entry.amount_cents, entry.reference, entry.event_id]),
    [first, second, third].map((event) => ['top_up', event.data.amountCents, event.data.paymentId, event.id]),
    `${story}, the stored ledger entries (kind, amount, payment, event)`
  )
  for (const event of [first, second, third]) {
    const stored = await storedEvent(event.id)
    expectEqual(stored && { status: stored.status, deliveries: stored.deliveries }, { status: 'applied', deliveries: 1 }, `${story}, the stored status of event ${event.id}`)
  }
  const ledger = await service.get<{ items: { amountCents: number; reference: string }[] }>(`/wallets/${customer}/ledger`)
  expectStatus(ledger, 200, `reading the ledger of ${customer}`)
  expectEqual(
    ledger.body.items.map((entry) => entry.reference),
    [third, second, first].map((event) => event.data.paymentId),
    `${story}, the payments listed by GET /wallets/${customer}/ledger (newest first)`
  )
})

scenarioTest('The same top-up delivered several times at once, before it is credited, is credited once', async () => {
  const customer = customerId()
  await openWallet(customer)
  const event = topUp(customer)
  const copies = random.int(4, 7)
  // Holding the wallet keeps the credit from completing while the copies arrive.
  await whileHeld({ wallet: customer }, async (waitingFor) => {
    await deliver(event, 'delivering the first copy of')
    await waitingFor(1)
    const sent = Promise.all(Array.from({ length: copies - 1 }, (_, index) => deliver(event, `copy ${index + 2} of ${copies} (sent at once while the first is being credited): delivering`)))
    await waitingFor(copies)
    return () => sent
  })
  await handled(event)
  const marker = await settle(customer)
  const story = `After the provider delivered ${describeTopUp(event)} ${copies} times, the later copies while the first was being credited`
  await expectCreditedOnce(event, story, [marker])
  expectEqual((await storedEvent(event.id))?.deliveries, copies, `${story}, the deliveries the wallet service counted for event ${event.id}`)
})

scenarioTest('A top-up for a customer without a wallet waits, and is credited when the provider retries it after the wallet is opened', async () => {
  const customer = customerId()
  const event = topUp(customer)
  const copies = random.int(2, 5)
  // Holding the inbox table makes every copy arrive before any of them is stored.
  await whileHeld('inbox', async (waitingFor) => {
    const sent = Promise.all(Array.from({ length: copies }, (_, index) => deliver(event, `before the customer has a wallet, copy ${index + 1} of ${copies} (all at once):`)))
    await waitingFor(copies)
    return () => sent
  })
  const failed = await handled(event)
  expectEqual(failed.status, 'failed', `After ${describeTopUp(event)} arrived for a customer with no wallet, its stored status`)
  const [{ count } = { count: -1 }] = await database.query<{ count: number }>('SELECT count(*)::int AS count FROM provider_events WHERE event_id = $1', [event.id])
  expectEqual(count, 1, `After ${copies} deliveries of event ${event.id}, the rows stored for it`)
  expectEqual((await storedEntries(customer)).length, 0, `Before ${customer} had a wallet, their ledger entries`)

  await openWallet(customer)
  check((await balanceOf(customer)) === 0, `A wallet opened for ${customer} after a failed top-up must start empty until the provider retries`)
  await deliver(event, 'after the wallet was opened, the provider retries:')
  await handled(event)
  await expectCreditedOnce(event, `After ${describeTopUp(event)} failed (no wallet yet) and the provider retried it once the wallet was opened`)
})

scenarioTest('Spending uses the credited top-ups; other provider events and malformed ones change nothing', async () => {
  const customer = customerId()
  await openWallet(customer)
  const event = topUp(customer, random.cents(5_000, 60_000))
  await deliver(event)
  await handled(event)

  const refund = { ...topUp(customer), type: 'payment.refunded' }
  const ignored = await service.post<{ outcome: string }>('/webhooks/payments', refund)
  expectStatus(ignored, 200, `delivering a payment.refunded event for ${customer}`)
  const malformed = topUp(customer)
  expectStatus(await service.post('/webhooks/payments', { ...malformed, data: { ...malformed.data, amountCents: 0 } }), 400, `delivering a top-up of 0 cents for ${customer}`)
  expectStatus(await service.post('/webhooks/payments', { ...malformed, id: undefined }), 400, `delivering a top-up without an event id for ${customer}`)

  const spend = random.int(1, event.data.amountCents)
  const orderId = `ord_${random.int(100_000, 999_999)}`
  const spent = await service.post<{ balanceAfterCents: number }>(`/wallets/${customer}/spend`, { orderId, amountCents: spend })
  expectStatus(spent, 201, `spending ${spend} of the ${event.data.amountCents} cents ${customer} topped up`)
  expectEqual(spent.body.balanceAfterCents, event.data.amountCents - spend, `The balance after spending ${spend} cents`)
  const tooMuch = await service.post(`/wallets/${customer}/spend`, { orderId: `${orderId}9`, amountCents: event.data.amountCents - spend + 1 })
  expectStatus(tooMuch, 422, `spending 1 cent more than the ${event.data.amountCents - spend} cents left in the wallet of ${customer}`)
  await settle(customer)
  expectEqual(
    (await storedEntries(customer)).map((entry) => entry.kind),
    ['top_up', 'spend', 'top_up'],
    `After a top-up, a spend, an ignored refund event and two malformed events for ${customer}, the kinds of their stored ledger entries`
  )
})
