import { expectEqual, random, scenarioTest } from '@debug-drills/drill-kit'
import { issueInvoice, METERS, newCustomer, periodOf, quantityOf, randomPeriod, recordUsage, utc } from './billing.js'

// Hours 0-3 UTC on the 1st: inside the month in UTC, before local midnight anywhere west of UTC-4.
scenarioTest('Usage in the first hours of a month (UTC) is billed in that month', async () => {
  const customer = newCustomer()
  const { period, year, month } = randomPeriod()
  const meter = random.pick(METERS)
  const quantity = random.int(1, 500)
  const at = utc(year, month, 1, random.int(0, 3))
  await recordUsage(customer, meter, quantity, at)
  const invoice = await issueInvoice(customer, period)
  expectEqual(quantityOf(invoice, meter), quantity, `The ${meter} quantity on the ${period} invoice for usage at ${at}`)
})

scenarioTest('Usage in the first hours of the next month (UTC) is not billed in this one', async () => {
  const customer = newCustomer()
  const { period, year, month } = randomPeriod()
  const meter = random.pick(METERS)
  const at = utc(year, month + 1, 1, random.int(0, 3))
  await recordUsage(customer, meter, random.int(1, 500), at)
  const invoice = await issueInvoice(customer, period)
  expectEqual(quantityOf(invoice, meter), 0, `The ${meter} quantity on the ${period} invoice for usage at ${at}, which is in ${periodOf(year, month + 1)}`)
})

scenarioTest('Consecutive invoices split usage exactly at UTC midnight', async () => {
  const customer = newCustomer()
  const { year, month } = randomPeriod()
  const midnight = Date.parse(utc(year, month + 1, 1, 0, 0))
  const lastMinute = random.int(1, 300) // 23:59 UTC on the last day: this month
  const firstMinute = random.int(1, 300) // 00:00 UTC on the 1st of the next month: next month
  await recordUsage(customer, 'seats', lastMinute, new Date(midnight - 60_000).toISOString())
  await recordUsage(customer, 'seats', firstMinute, new Date(midnight).toISOString())
  const thisMonth = await issueInvoice(customer, periodOf(year, month))
  const nextMonth = await issueInvoice(customer, periodOf(year, month + 1))
  expectEqual(
    [quantityOf(thisMonth, 'seats'), quantityOf(nextMonth, 'seats')],
    [lastMinute, firstMinute],
    `Seats billed in ${periodOf(year, month)} and ${periodOf(year, month + 1)} (usage one minute before and exactly at midnight UTC)`
  )
})
