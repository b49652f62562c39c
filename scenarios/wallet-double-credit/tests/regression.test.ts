import { random, scenarioTest } from '@debug-drills/drill-kit'
import { customerId, deliver, describeTopUp, expectCreditedOnce, expectNothingQueued, handled, openWallet, settle, topUp } from './wallet.js'

scenarioTest('A top-up the provider delivers again after it was credited is credited once', async () => {
  const customer = customerId()
  await openWallet(customer)
  const event = topUp(customer)
  await deliver(event)
  await handled(event)
  const retries = random.int(1, 3)
  for (let retry = 1; retry <= retries; retry++) await deliver(event, `retry ${retry}: delivering again`)
  const marker = await settle(customer)
  const story = `After the provider delivered ${describeTopUp(event)} ${retries + 1} times, one after the other, the later ones after it was credited`
  await expectNothingQueued(customer, story)
  await expectCreditedOnce(event, story, [marker])
})

scenarioTest('Retries of a credited top-up that arrive at the same moment are credited once', async () => {
  const customer = customerId()
  await openWallet(customer)
  const event = topUp(customer)
  await deliver(event)
  await handled(event)
  const retries = random.int(3, 6)
  await Promise.all(Array.from({ length: retries }, (_, index) => deliver(event, `retry ${index + 1} (all ${retries} sent at once): delivering again`)))
  const marker = await settle(customer)
  const story = `After the provider delivered ${describeTopUp(event)} once, and then ${retries} more times at the same moment`
  await expectNothingQueued(customer, story)
  await expectCreditedOnce(event, story, [marker])
})

scenarioTest('A top-up that arrived before its wallet existed is credited once, however often the provider retries it', async () => {
  const customer = customerId()
  const event = topUp(customer)
  await deliver(event, 'before the customer has a wallet, delivering')
  await handled(event)
  await openWallet(customer)
  await deliver(event, 'after the wallet was opened, the provider retries:')
  await handled(event)
  await deliver(event, 'and the provider retries once more:')
  const marker = await settle(customer)
  const story = `After ${describeTopUp(event)} arrived before the wallet was opened and the provider delivered it twice more after that`
  await expectNothingQueued(customer, story)
  await expectCreditedOnce(event, story, [marker])
})
