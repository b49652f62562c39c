import { random, scenarioTest } from '@debug-drills/drill-kit'
import { customerId, expectPaid, expectStoredLedger, fundedWallet, openWallet, orderId } from './wallet.js'

scenarioTest('After payments are declined for lack of credit, the same wallet takes the next payment', async () => {
  const { customer, fundedCents } = await fundedWallet()
  const story = `${customer} has ${fundedCents} cents of store credit`
  await expectPaid(customer, { orderId: orderId(), amountCents: fundedCents + random.int(1, 20_000) }, 422, `${story}; a payment of more than that is declined`)
  // The smallest payment that must be declined, twice at the same moment.
  await Promise.all([1, 2].map(() => expectPaid(customer, { orderId: orderId(), amountCents: fundedCents + 1 }, 422, `${story} and one payment was declined; a payment of 1 cent more than the credit, sent twice at once, is declined too`)))
  const first = random.int(1, fundedCents - 1)
  await expectPaid(customer, { orderId: orderId(), amountCents: first }, 201, `${story} and three payments were declined; a payment of ${first} cents goes through`)
  const rest = fundedCents - first
  await expectPaid(customer, { orderId: orderId(), amountCents: rest }, 201, `${story}, three payments were declined and ${first} cents paid; paying the remaining ${rest} cents goes through`)
  await expectStoredLedger(customer, [['top_up', fundedCents], ['spend', -first], ['spend', -rest]], `After three declined payments and two that went through for ${customer}`)
})

scenarioTest('After a payment is refused because its order was paid with another amount, the same wallet takes the next payment', async () => {
  const { customer, fundedCents } = await fundedWallet(random.cents(5_000, 60_000))
  const order = { orderId: orderId(), amountCents: random.int(1, Math.floor(fundedCents / 3)) }
  const story = `${customer} paid order ${order.orderId} with ${order.amountCents} cents`
  await expectPaid(customer, order, 201, `${customer} pays an order`)
  await expectPaid(customer, { ...order, amountCents: order.amountCents + random.int(1, 500) }, 409, `${story}; paying it again with another amount is refused`)
  await expectPaid(customer, order, 200, `${story} and paying it again with another amount was refused; the same payment again answers the first one`)
  const next = { orderId: orderId(), amountCents: random.int(1, fundedCents - order.amountCents) }
  await expectPaid(customer, next, 201, `${story}, a second payment with another amount was refused (409); the next order goes through`)
  await expectStoredLedger(customer, [['top_up', fundedCents], ['spend', -order.amountCents], ['spend', -next.amountCents]], `After ${story}, one refused and one repeated payment, and one more order`)
})

scenarioTest('A customer who tried to pay before opening a wallet can use the wallet once it is opened', async () => {
  const customer = customerId()
  const payment = { orderId: orderId(), amountCents: random.cents(100, 9_000) }
  await expectPaid(customer, payment, 404, `${customer} has no wallet yet; paying from it`)
  await openWallet(customer)
  await expectPaid(customer, payment, 422, `${customer} tried to pay before having a wallet, then opened an empty one; paying from the empty wallet is declined`)
  await expectPaid(customer, { orderId: orderId(), amountCents: 1 }, 422, `${customer} has an empty wallet; a payment of 1 cent is declined`)
  await expectStoredLedger(customer, [], `After ${customer}'s payments before and after opening an empty wallet`)
})
