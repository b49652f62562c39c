import { check, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  DAY,
  dayStart,
  describeUsage,
  failWith,
  meters,
  newCustomer,
  pastYear,
  rangeOf,
  recordUsage,
  reportPath,
  reportProblem,
  storedUsage,
  usageInside,
  usageJustOutside,
  type Range,
  type Usage
} from './report.js'

scenarioTest('Usage before the first day and after the last day is left out of a report, for every meter and for one', async () => {
  const year = pastYear()
  const month = random.int(1, 12)
  const start = random.int(2, 12)
  const ranges: Range[] = [
    rangeOf(dayStart(year, month, 1), dayStart(year, month + 1, 0)),
    rangeOf(dayStart(year, month, start), dayStart(year, month, start + random.int(2, 14))),
    ((day) => rangeOf(day, day + random.int(3, 9) * DAY))(dayStart(year, random.int(1, 11), random.int(22, 28))),
    rangeOf(dayStart(year - 1, 12, random.int(2, 30)), dayStart(year, 1, random.int(2, 20))),
    // a single day: only its midnight has usage here
    ((day) => rangeOf(day, day))(dayStart(year, random.int(1, 12), random.int(1, 28)))
  ]
  const customers = ranges.map(() => newCustomer())
  const usage: Usage[] = []
  for (const [index, range] of ranges.entries()) {
    usage.push(...(await usageInside(customers[index]!, range, random.int(2, 5))), ...(await usageJustOutside(customers[index]!, range)))
  }
  await recordUsage(usage)

  const problems = await Promise.all(
    ranges.flatMap((range, index) => {
      const customer = customers[index]!
      const meter = random.pick(usage.filter((event) => event.customerId === customer)).meter
      return [reportProblem(customer, range, usage), reportProblem(customer, range, usage, meter)]
    })
  )
  failWith(problems, 'Usage reports count the wrong usage')

  const stored = await Promise.all(customers.map((customer) => storedUsage(customer)))
  failWith(
    customers.map((customer, index) => {
      const sent = describeUsage(usage.filter((event) => event.customerId === customer))
      return stored[index]!.join() === sent.join() ? undefined : `usage_events holds ${stored[index]!.length} usage events of ${customer} after the reports, expected the ${sent.length} recorded, unchanged`
    }),
    'Asking for reports changed the stored usage'
  )
})

scenarioTest('A report of a customer or a meter without usage is empty, and a report may cover a whole (leap) year', async () => {
  const customer = newCustomer()
  const year = pastYear()
  const meter = random.pick(await meters()).code
  const usage = await usageInside(customer, rangeOf(dayStart(year, 3, 1), dayStart(year, 3, 20)), 3)
  const unused = (await meters()).find((entry) => !usage.some((event) => event.meter === entry.code))
  await recordUsage(usage)
  const problems = await Promise.all([
    reportProblem(newCustomer(), rangeOf(dayStart(year, 1, 1), dayStart(year, 12, 31)), usage),
    reportProblem(customer, rangeOf(dayStart(year, 1, 1), dayStart(year, 12, 31)), usage),
    reportProblem(customer, rangeOf(dayStart(year, 4, 1), dayStart(year, 4, 30)), usage, meter),
    unused ? reportProblem(customer, rangeOf(dayStart(year, 3, 1), dayStart(year, 3, 31)), usage, unused.code) : undefined,
    reportProblem(customer, rangeOf(dayStart(2020, 1, 1), dayStart(2020, 12, 31)), usage)
  ])
  failWith(problems, 'Reports without usage, or over a whole year, are wrong')
})

scenarioTest('A report with dates out of order, not in the calendar or over more than a year is refused with 400', async () => {
  const customer = newCustomer()
  const year = pastYear()
  const month = random.int(1, 12)
  const first = dayStart(year, month, random.int(2, 28))
  const bad: Range[] = [
    rangeOf(first, first - random.int(1, 40) * DAY),
    { from: `${year}-02-30`, to: `${year}-03-31` },
    { from: `${year}-04-01`, to: `${year}-04-31` },
    { from: `${year}-13-01`, to: `${year + 1}-01-31` },
    rangeOf(first, first + random.int(366, 500) * DAY),
    { from: `${year}/03/01`, to: `${year}-03-31` }
  ]
  for (const range of bad) {
    const response = await service.get(reportPath(customer, range))
    expectStatus(response, 400, `asking for a usage report from ${range.from} to ${range.to}`)
    check(typeof (response.body as { message?: unknown }).message === 'string', `GET ${reportPath(customer, range)} answered ${response.text}, expected a message saying what is wrong`)
  }
  const missing = await service.get(`/customers/${customer}/usage/report?from=${rangeOf(first, first).from}`)
  expectStatus(missing, 400, 'asking for a usage report without its last day')
})
