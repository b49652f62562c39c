import { random, scenarioTest } from '@debug-drills/drill-kit'
import {
  DAY,
  dayStart,
  failWith,
  meters,
  newCustomer,
  pastYear,
  rangeOf,
  recordUsage,
  reportProblem,
  usageInside,
  usageJustOutside,
  usageThroughDay,
  type Range,
  type Usage
} from './report.js'

/** A leap year that has ended. */
function pastLeapYear(): number {
  return random.pick([2012, 2016, 2020, 2024].filter((year) => year < new Date().getUTCFullYear()))
}

/** Usage all through the range's last day, inside it and just outside it, for one customer. */
async function usageFor(customerId: string, range: Range): Promise<Usage[]> {
  return [
    ...(await usageThroughDay(customerId, Date.parse(`${range.to}T00:00:00Z`))),
    ...(await usageInside(customerId, range, random.int(1, 3))),
    ...(await usageJustOutside(customerId, range))
  ]
}

scenarioTest('A report from the first to the last day of a month counts the whole last day, up to its last millisecond', async () => {
  const year = pastYear()
  const customer = newCustomer()
  const months: Range[] = Array.from({ length: 12 }, (_, index) => rangeOf(dayStart(year, index + 1, 1), dayStart(year, index + 2, 0)))
  // February of a leap year ends on the 29th.
  const leapYear = pastLeapYear()
  const leapCustomer = newCustomer()
  const leapFebruary = rangeOf(dayStart(leapYear, 2, 1), dayStart(leapYear, 2, 29))
  const usage: Usage[] = []
  for (const month of months) usage.push(...(await usageFor(customer, month)))
  usage.push(...(await usageFor(leapCustomer, leapFebruary)))
  await recordUsage(usage)

  const problems = await Promise.all([...months.map((month) => reportProblem(customer, month, usage)), reportProblem(leapCustomer, leapFebruary, usage)])
  failWith(problems, `Monthly usage reports are wrong`)
})

scenarioTest('Reports that end mid-month, span months or the end of a year, or cover a single day count their last day', async () => {
  const year = pastYear()
  const leapYear = pastLeapYear()
  const month = random.int(1, 12)
  const start = random.int(1, 9)
  const quarter = random.int(0, 3) * 3 + 1
  const ranges: Range[] = [
    // one day, anywhere in the year
    ((day) => rangeOf(day, day))(dayStart(year, random.int(1, 12), random.int(1, 28))),
    // from some day of a month to another day of the same month
    rangeOf(dayStart(year, month, start), dayStart(year, month, start + random.int(1, 18))),
    // a week across the turn of a month
    ((day) => rangeOf(day, day + 6 * DAY))(dayStart(year, random.int(1, 11), random.int(24, 28))),
    // a quarter
    rangeOf(dayStart(year, quarter, 1), dayStart(year, quarter + 3, 0)),
    // across New Year
    rangeOf(dayStart(year - 1, 12, random.int(2, 30)), dayStart(year, 1, random.int(1, 20))),
    // up to a leap day
    rangeOf(dayStart(leapYear, 2, random.int(1, 28)), dayStart(leapYear, 2, 29))
  ]
  const customers = ranges.map(() => newCustomer())
  const usage: Usage[] = []
  for (const [index, range] of ranges.entries()) usage.push(...(await usageFor(customers[index]!, range)))
  await recordUsage(usage)

  const problems = await Promise.all(ranges.map((range, index) => reportProblem(customers[index]!, range, usage)))
  failWith(problems, `Usage reports over these ranges are wrong`)
})

scenarioTest('A report of one meter counts that meter\'s usage on the last day, and only that meter\'s', async () => {
  const year = pastYear()
  const codes = random.sample((await meters()).map((entry) => entry.code), 2)
  const [chosen, other] = [codes[0]!, codes[1]!]
  const customer = newCustomer()
  const month = random.int(1, 12)
  const range = random.chance() ? rangeOf(dayStart(year, month, 1), dayStart(year, month + 1, 0)) : rangeOf(dayStart(year, month, random.int(1, 10)), dayStart(year, month, random.int(11, 27)))
  const lastDay = Date.parse(`${range.to}T00:00:00Z`)
  const usage = [
    ...(await usageThroughDay(customer, lastDay, chosen)),
    ...(await usageThroughDay(customer, lastDay, other)),
    ...(await usageInside(customer, range, 4)),
    ...(await usageJustOutside(customer, range))
  ]
  await recordUsage(usage)

  const problems = await Promise.all([reportProblem(customer, range, usage, chosen), reportProblem(customer, range, usage, other), reportProblem(customer, range, usage)])
  failWith(problems, `Usage reports of ${customer}, per meter and for every meter, are wrong`)
})
