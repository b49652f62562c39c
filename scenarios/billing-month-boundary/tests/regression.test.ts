import { random, scenarioTest } from '@debug-drills/drill-kit'
import { issueAndVerify, latestClosedYear, newCustomer, periodOf, recordUsage, usageAroundMidnight, usageMidMonth, type Usage } from './billing.js'

/**
 * A customer's year: usage on both sides of every midnight (UTC) between two of its months,
 * from 1 February to 1 January of the next year, and some in the middle of each month. Then the
 * thirteen invoices from January to the next January, each checked as answered, stored and read back.
 */
async function billAYear(year: number): Promise<void> {
  const customer = newCustomer()
  const usage: Usage[] = []
  for (let month = 2; month <= 13; month++) usage.push(...(await usageAroundMidnight(customer, year, month)))
  for (let month = 1; month <= 13; month++) {
    for (let i = random.int(1, 2); i > 0; i--) usage.push(await usageMidMonth(customer, year, month))
  }
  await recordUsage(usage)
  const periods = Array.from({ length: 13 }, (_, index) => periodOf(year, index + 1))
  await issueAndVerify([customer], periods, usage)
}

scenarioTest('Every month of a year bills exactly the usage between its first and last instant in UTC', async () => {
  await billAYear(random.int(2008, latestClosedYear()))
})

// Before 2007 daylight saving time in North America ran from April to October, so the months
// whose first midnight falls in it were not the same as today.
scenarioTest('Usage imported from an older system, years back, is billed by UTC month too', async () => {
  await billAYear(random.int(1998, 2006))
})

scenarioTest('Several customers with usage around the same midnight each get their own split', async () => {
  const year = random.int(2015, latestClosedYear())
  // The ticket's month, and another one at random.
  const months = [4, random.pick([2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13])]
  const customers = Array.from({ length: random.int(3, 5) }, () => newCustomer())
  const usage: Usage[] = []
  for (const customer of customers) {
    for (const month of months) {
      usage.push(...(await usageAroundMidnight(customer, year, month)))
      if (random.chance(0.7)) usage.push(await usageMidMonth(customer, year, month))
    }
  }
  await recordUsage(usage)
  const periods = [...new Set(months.flatMap((month) => [periodOf(year, month - 1), periodOf(year, month)]))]
  await issueAndVerify(customers, periods, usage)
})
