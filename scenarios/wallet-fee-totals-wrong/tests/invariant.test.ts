import { check, database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { currencies, daysOf, expectReport, feeFor, on, pay, payer, reportMonth, storedFees, type Sent } from './fees.js'

const YEARS: [number, number] = [2018, 2020]

scenarioTest('A month where each currency had payments on one day: the report sums them, from the first to the last instant of the month', async () => {
  const month = reportMonth(YEARS)
  const [first, last, middle] = currencies(3) as [string, string, string]
  const sent: Sent[] = []
  // The first instant of the month, and the last.
  const early = await payer(first)
  sent.push(await pay(early, first, on(month, 1, 0), random.cents(500, 90_000), feeFor(2_000)))
  sent.push(await pay(early, first, on(month, 1), random.cents(500, 90_000), random.int(1, 9) * 100))
  const late = await payer(last)
  sent.push(await pay(late, last, on(month, month.days, 86_400_000 - 1), random.cents(500, 90_000), undefined))
  sent.push(await pay(late, last, on(month, month.days), random.cents(500, 90_000), random.int(0, 40_000)))
  const day = daysOf(month, 1)[0]!
  const others = await payer(middle)
  for (let index = random.int(1, 4); index > 0; index--) {
    const amount = random.cents(500, 200_000)
    sent.push(await pay(others, middle, on(month, day), amount, feeFor(amount)))
  }
  // Just outside the month: the last instant before it and the first after it.
  await pay(early, first, new Date(on(month, 1, 0).getTime() - 1), random.cents(500, 90_000), feeFor(5_000))
  await pay(late, last, new Date(on(month, month.days, 86_400_000 - 1).getTime() + 1), random.cents(500, 90_000), feeFor(5_000))
  await expectReport(month.label, sent, `After the provider reported ${sent.length} payments in ${month.label}, each currency's on one day, and two just outside the month`)
})

scenarioTest('A currency whose payments on several days carried no fee: the report says 0 fees and pays out everything', async () => {
  const month = reportMonth(YEARS)
  const [currency] = currencies(1) as [string]
  const customer = await payer(currency)
  const sent: Sent[] = []
  for (const day of daysOf(month, random.int(2, 5))) {
    sent.push(await pay(customer, currency, on(month, day), random.cents(500, 90_000), random.chance() ? 0 : undefined))
  }
  await expectReport(month.label, sent, `After the provider reported ${sent.length} ${currency} payments without fees on ${sent.length} days of ${month.label}`)
})

scenarioTest('The fee of each payment is stored as the provider wrote it, to the cent', async () => {
  const month = reportMonth(YEARS)
  const [currency] = currencies(1) as [string]
  const customer = await payer(currency)
  const day = daysOf(month, 1)[0]!
  const large = random.int(90_000_000, 100_000_000)
  const fees: Array<[number, number | undefined]> = [
    [random.cents(500, 5_000), random.int(1, 99)],
    [random.cents(500, 50_000), random.int(1, 99) * 10],
    [random.cents(5_000, 90_000), random.int(1, 90) * 100],
    [random.cents(5_000, 250_000), random.int(100, 9_999)],
    [large, Math.round(large * 0.029) + 30],
    [random.cents(500, 90_000), undefined]
  ]
  const sent: Sent[] = []
  for (const [amount, fee] of random.shuffle(fees)) sent.push(await pay(customer, currency, on(month, day), amount, fee))
  const story = `After the provider reported ${currency} payments with the fees ${sent.map((payment) => payment.event.data.fee ?? '(none)').join(', ')}`
  expectEqual(
    await storedFees(sent),
    sent.map((payment) => (payment.feeCents / 100).toFixed(2)),
    `${story}, the fees stored in provider_events`
  )
  await expectReport(month.label, sent, story)
})

scenarioTest('A month without payments has an empty report; a wrong month and a wrong fee are refused', async () => {
  const month = reportMonth(YEARS)
  const empty = await service.get(`/reports/provider-fees?month=${month.label}`)
  expectStatus(empty, 200, `asking for the provider-fees report of ${month.label}, a month without payments`)
  expectEqual(empty.body, { month: month.label, currencies: [] }, `GET /reports/provider-fees?month=${month.label}, a month without payments`)

  const wrongMonth = `${month.year}-${random.pick(['13', '00', '7'])}`
  expectStatus(await service.get(`/reports/provider-fees?month=${wrongMonth}`), 400, `asking for the provider-fees report of "${wrongMonth}"`)

  const [currency] = currencies(1) as [string]
  const customer = await payer(currency)
  const fee = random.pick(['0.875', '-1.50', '1,50', '12.345'])
  const eventId = `evt_${random.unique(() => String(random.int(10_000_000, 99_999_999)))}`
  const refused = await service.post('/webhooks/payments', {
    id: eventId,
    type: 'payment.succeeded',
    createdAt: on(month, 1).toISOString(),
    data: { paymentId: `pay_${eventId.slice(4)}`, customerId: customer, amountCents: random.cents(500, 90_000), currency, fee }
  })
  expectStatus(refused, 400, `the provider reporting a payment with the fee "${fee}"`)
  const stored = await database.query('SELECT 1 FROM provider_events WHERE event_id = $1', [eventId])
  check(stored.length === 0, `A payment refused for its fee "${fee}" (event ${eventId}) was stored in provider_events all the same.`)
})
