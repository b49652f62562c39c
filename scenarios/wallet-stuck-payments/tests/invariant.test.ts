import { check, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { ANSWER_WITHIN_MS, customerId, deliver, expectPaid, expectStoredLedger, fundedWallet, handled, orderId, storedEntries, topUp, whileHeld, type Payment } from './wallet.js'

scenarioTest('Payments take the amount off the wallet once per order, and a payment the credit cannot cover changes nothing', async () => {
  const { customer, fundedCents } = await fundedWallet(random.cents(3_000, 60_000))
  const order = { orderId: orderId(), amountCents: random.int(1, fundedCents - 1) }
  const paid = await expectPaid(customer, order, 201, `${customer} has ${fundedCents} cents; paying an order`)
  expectEqual(paid.body.balanceAfterCents, fundedCents - order.amountCents, `The balance after ${customer} paid ${order.amountCents} of ${fundedCents} cents`)
  const again = await expectPaid(customer, order, 200, `${customer} paid order ${order.orderId}; the checkout retries the same payment`)
  expectEqual(again.body.reference, order.orderId, `The order of the repeated payment's ledger entry`)
  const left = fundedCents - order.amountCents
  await expectPaid(customer, { orderId: orderId(), amountCents: left + 1 }, 422, `${customer} has ${left} cents left; paying 1 cent more than that`)
  await expectStoredLedger(customer, [['top_up', fundedCents], ['spend', -order.amountCents]], `After ${customer} paid one order (twice) and was declined once`)
  const wallet = await service.get<{ balanceCents: number }>(`/wallets/${customer}`)
  expectEqual(wallet.body.balanceCents, left, `GET /wallets/${customer} after paying ${order.amountCents} of ${fundedCents} cents`)
})

scenarioTest('Each refused payment has its own status', async () => {
  const [short, paidTwice] = await Promise.all([fundedWallet(random.cents(500, 5_000)), fundedWallet(random.cents(5_000, 20_000))])
  const order = { orderId: orderId(), amountCents: random.int(1, 4_000) }
  const nobody = customerId()
  await expectPaid(nobody, { orderId: orderId(), amountCents: 100 }, 404, `${nobody} has no wallet; paying from it`)
  await expectPaid(short.customer, { orderId: orderId(), amountCents: short.fundedCents + 1 }, 422, `${short.customer} has ${short.fundedCents} cents; paying 1 cent more`)
  await expectPaid(paidTwice.customer, order, 201, `${paidTwice.customer} pays an order`)
  await expectPaid(paidTwice.customer, { ...order, amountCents: order.amountCents + 1 }, 409, `${paidTwice.customer} paid order ${order.orderId} with ${order.amountCents} cents; paying it with 1 cent more`)
  for (const amountCents of [0, -random.int(1, 500)]) {
    const response = await service.post(`/wallets/${short.customer}/spend`, { orderId: orderId(), amountCents })
    expectStatus(response, 400, `paying ${amountCents} cents from the wallet of ${short.customer}`)
  }
})

scenarioTest('A burst of payments on one busy wallet does not hold up other customers', async () => {
  const burst = random.int(12, 16)
  const each = random.int(100, 900)
  const [busy, other] = await Promise.all([fundedWallet(burst * each + random.int(0, 5_000)), fundedWallet(random.cents(2_000, 20_000))])
  const payments: Payment[] = Array.from({ length: burst }, () => ({ orderId: orderId(), amountCents: each }))
  const otherPayment = { orderId: orderId(), amountCents: random.int(1, other.fundedCents) }
  const story = `While ${burst} payments of ${each} cents for ${busy.customer} waited for the wallet (held by a long-running checkout)`
  const answers = await whileHeld({ wallet: busy.customer }, async (waitingFor) => {
    const sent = Promise.all(payments.map((payment) => service.post(`/wallets/${busy.customer}/spend`, payment)))
    await waitingFor(1)
    const started = Date.now()
    const response = await service.post(`/wallets/${other.customer}/spend`, otherPayment)
    const took = Date.now() - started
    expectStatus(response, 201, `${story}: paying ${otherPayment.amountCents} cents from the wallet of another customer, ${other.customer}`)
    check(took < ANSWER_WITHIN_MS, `${story}, a payment of another customer (${other.customer}) took ${took} ms, expected under ${ANSWER_WITHIN_MS} ms`)
    return () => sent
  })
  expectEqual(answers.map((answer) => answer.status), payments.map(() => 201), `Once the busy wallet was free, the statuses of the ${burst} payments that waited for it`)
  await expectStoredLedger(busy.customer, [['top_up', busy.fundedCents], ...payments.map((): [string, number] => ['spend', -each])], `After ${burst} payments of ${each} cents from ${busy.customer} waited and went through`)
  await expectStoredLedger(other.customer, [['top_up', other.fundedCents], ['spend', -otherPayment.amountCents]], `After ${other.customer} paid while another wallet was busy`)
})

scenarioTest('Top-ups of other customers keep being credited after a payment is declined', async () => {
  const { customer, fundedCents } = await fundedWallet(random.cents(500, 5_000))
  await expectPaid(customer, { orderId: orderId(), amountCents: fundedCents + random.int(1, 3_000) }, 422, `${customer} has ${fundedCents} cents; paying more than that`)
  const other = await fundedWallet()
  const later = topUp(other.customer)
  await deliver(later, 'after another customer had a payment declined, delivering')
  const row = await handled(later)
  expectEqual(row.status, 'applied', `After another customer had a payment declined, the stored status of ${later.id}`)
  expectEqual((await storedEntries(other.customer)).map((entry) => entry.amount_cents), [other.fundedCents, later.data.amountCents], `The stored ledger of ${other.customer} after two top-ups`)
})
