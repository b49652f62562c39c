import { random, scenarioTest } from '@debug-drills/drill-kit'
import { currencies, daysOf, expectReport, feeFor, on, pay, payer, reportMonth, type Sent } from './fees.js'

const YEARS: [number, number] = [2021, 2024]

/** A fee in cents that is not exact once written as a decimal and multiplied back by 100, such as 0.29 (28.999...). */
function inexactCents(): number {
  for (;;) {
    const cents = random.int(20, 2_000)
    if (Math.trunc((cents / 100) * 100) !== cents) return cents
  }
}

/** Fees in cents whose sum, added up as floating-point amounts, is not the exact amount (0.10 + 0.20 is 0.30000000000000004). */
function feesThatDrift(count: number): number[] {
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const fees = Array.from({ length: count }, () => random.int(5, 99))
    const exact = fees.reduce((sum, fee) => sum + fee, 0) / 100
    const forwards = fees.reduce((sum, fee) => sum + fee / 100, 0)
    const backwards = [...fees].reverse().reduce((sum, fee) => sum + fee / 100, 0)
    if (forwards !== exact && backwards !== exact) return fees
  }
  return [10, 20, ...Array.from({ length: count - 2 }, () => 10)]
}

scenarioTest('A currency with whole-amount fees on several days: the month shows their sum', async () => {
  const month = reportMonth(YEARS)
  const [currency] = currencies(1) as [string]
  const customer = await payer(currency)
  const sent: Sent[] = []
  for (const day of daysOf(month, random.int(2, 5))) {
    for (let index = random.int(1, 2); index > 0; index--) sent.push(await pay(customer, currency, on(month, day), random.cents(2_000, 90_000), random.int(1, 12) * 100))
  }
  await expectReport(month.label, sent, `After the provider reported ${currency} payments with whole-amount fees on several days of ${month.label}`)
})

scenarioTest('A currency with fees in cents on several days, beside one with payments on a single day', async () => {
  const month = reportMonth(YEARS)
  const [several, single] = currencies(2) as [string, string]
  const customer = await payer(several)
  const days = daysOf(month, random.int(2, 6))
  const sent: Sent[] = [await pay(customer, several, on(month, days[0]!), random.cents(2_000, 90_000), inexactCents())]
  for (const day of days.slice(1)) {
    for (let index = random.int(1, 3); index > 0; index--) {
      const amount = random.cents(500, 250_000)
      sent.push(await pay(customer, several, on(month, day), amount, feeFor(amount)))
    }
  }
  const other = await payer(single)
  const day = daysOf(month, 1)[0]!
  for (let index = random.int(1, 3); index > 0; index--) {
    const amount = random.cents(500, 250_000)
    sent.push(await pay(other, single, on(month, day), amount, feeFor(amount)))
  }
  await expectReport(month.label, sent, `After the provider reported ${several} payments on ${days.length} days and ${single} payments on one day of ${month.label}`)
})

scenarioTest('A currency with many small fees over the month: the total is exact to the cent', async () => {
  const month = reportMonth(YEARS)
  const [currency] = currencies(1) as [string]
  const customer = await payer(currency)
  const days = daysOf(month, random.int(6, 12))
  const fees = feesThatDrift(days.length)
  const sent: Sent[] = []
  for (const [index, day] of days.entries()) sent.push(await pay(customer, currency, on(month, day), random.int(300, 3_000), fees[index]!))
  await expectReport(month.label, sent, `After the provider reported ${sent.length} small ${currency} payments on ${days.length} days of ${month.label}`)
})

scenarioTest('A currency with large payments on several days: amounts beyond 21 million and fees of about 29,000.00 each', async () => {
  const month = reportMonth(YEARS)
  const [currency] = currencies(1) as [string]
  const sent: Sent[] = []
  for (const day of daysOf(month, 3)) {
    // A customer a day: one wallet could not hold it all.
    const customer = await payer(currency)
    for (let index = 0; index < 8; index++) {
      const amount = random.int(90_000_000, 100_000_000)
      sent.push(await pay(customer, currency, on(month, day), amount, feeFor(amount)))
    }
  }
  await expectReport(month.label, sent, `After the provider reported ${sent.length} ${currency} payments of about 1,000,000.00 each on three days of ${month.label}`)
})
