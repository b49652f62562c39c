import { database, random, scenarioTest } from '@debug-drills/drill-kit'
import {
  failWith,
  issue,
  issueAndVerify,
  latestClosedYear,
  monthStart,
  newCustomer,
  periodAt,
  periodOf,
  recordExpecting,
  recordUsage,
  storedPeriodProblems,
  summaryProblem,
  usageAround,
  usageAroundMidnight,
  usageAt,
  usageListProblem,
  usageMidMonth,
  type Usage
} from './billing.js'

const HOUR = 3_600_000

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

scenarioTest('Usage is filed under the UTC month it happened in: as stored, as listed by period and in the preview', async () => {
  const year = random.int(2008, latestClosedYear())
  const customer = newCustomer()
  const usage: Usage[] = []
  for (let month = 2; month <= 13; month++) usage.push(...(await usageAroundMidnight(customer, year, month)))
  for (let month = 1; month <= 13; month++) usage.push(await usageMidMonth(customer, year, month))
  await recordUsage(usage)
  failWith(await storedPeriodProblems([customer], usage), `The usage of ${customer} is stored under the wrong billing period`)

  const periods = Array.from({ length: 13 }, (_, index) => periodOf(year, index + 1))
  const limit = random.int(2, 4)
  const listed = await Promise.all(periods.map((period) => usageListProblem(customer, { period }, limit, usage)))
  // The ticket's month with a meter filter as well, and the whole list across periods.
  const april = periodOf(year, 4)
  const meter = random.pick(usage.filter((event) => periodAt(event.occurredAt) === april)).meter
  listed.push(await usageListProblem(customer, { period: april, meter }, limit, usage), await usageListProblem(customer, {}, random.int(7, 20), usage))
  failWith(listed.filter((problem) => problem !== undefined), `Listing the usage of ${customer} by billing period shows the wrong usage`)

  const previews = await Promise.all(periods.map((period) => summaryProblem(customer, period, usage)))
  failWith(previews.filter((problem) => problem !== undefined), `The usage previews of ${customer} are wrong`)
})

scenarioTest('Invoicing a month closes that month to late usage, not the month after it', async () => {
  const year = random.int(2008, latestClosedYear())
  const month = random.int(2, 13)
  const [closed, next] = [periodOf(year, month - 1), periodOf(year, month)]
  const customer = newCustomer()
  const midnight = monthStart(year, month)
  const accepted: Usage[] = [await usageMidMonth(customer, year, month - 1), await usageMidMonth(customer, year, month)]
  await recordUsage(accepted)
  const first = await issue(customer, closed)
  failWith(first.problem ? [first.problem] : [], `Invoicing ${closed} for ${customer} failed`)

  // Usage at the end of the invoiced month arrives late; usage of the first hours of the next one is on time.
  const late = [await usageAt(customer, midnight - 1), await usageAt(customer, midnight - random.int(1, 4 * 60) * 60_000)]
  const onTime = [await usageAt(customer, midnight), await usageAt(customer, midnight + random.int(1, 4 * 60 * 60 - 1) * 1000)]
  const problems = await Promise.all([
    ...late.map((event) => recordExpecting(event, 409, `${closed} is invoiced already for ${customer}`)),
    ...onTime.map((event) => recordExpecting(event, 201, `the usage happened in ${next}, which is not invoiced; only ${closed} is`))
  ])
  failWith(problems.filter((problem) => problem !== undefined), `Recording usage around the end of ${closed}, once it is invoiced, went wrong`)
  accepted.push(...onTime)

  // The next month's invoice then bills its first hours, and closes the month in turn.
  await issueAndVerify([customer], [next], accepted)
  const lateForNext = await usageAt(customer, midnight + random.int(1, 4 * 60 * 60 - 1) * 1000)
  failWith([await recordExpecting(lateForNext, 409, `${next} is invoiced already for ${customer}`)].filter((problem) => problem !== undefined), `Recording usage for ${next} after it was invoiced went wrong`)

  const stored = await database.query<{ occurred_at: Date }>('SELECT occurred_at FROM usage_events WHERE customer_id = $1 ORDER BY occurred_at', [customer])
  const storedAt = stored.map((row) => row.occurred_at.toISOString())
  const wanted = accepted.map((event) => event.occurredAt).sort()
  failWith(
    storedAt.join() === wanted.join() ? [] : [`usage_events holds usage of ${customer} at ${storedAt.join(', ')}; expected exactly the accepted usage at ${wanted.join(', ')}`],
    `The usage stored for ${customer} is not the usage that was accepted`
  )
})

scenarioTest('The preview of a month shows usage of its first and last hours as soon as it is recorded', async () => {
  const year = random.int(2008, latestClosedYear())
  const month = random.int(2, 13)
  const periods = [periodOf(year, month - 1), periodOf(year, month)]
  const customer = newCustomer()
  const usage: Usage[] = [await usageMidMonth(customer, year, month - 1), await usageMidMonth(customer, year, month)]
  await recordUsage(usage)
  // Both previews are read (and may be cached) before the usage near the midnight between them arrives.
  failWith((await Promise.all(periods.map((period) => summaryProblem(customer, period, usage)))).filter((problem) => problem !== undefined), `The usage previews of ${customer} are wrong`)
  const midnight = monthStart(year, month)
  const edges = await usageAround(customer, midnight, [-random.int(1, 4 * HOUR), -1, 0, random.int(1, 4 * HOUR - 1)])
  await recordUsage(edges)
  usage.push(...edges)
  const previews = await Promise.all(periods.map((period) => summaryProblem(customer, period, usage)))
  failWith(previews.filter((problem) => problem !== undefined), `After usage around ${new Date(midnight).toISOString()} was recorded, the usage previews of ${customer} are wrong`)
})
