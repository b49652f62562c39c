import { check, CheckFailed, database, expectStatus, random, service } from '@debug-drills/drill-kit'

export interface Meter {
  code: string
  name: string
  unitPriceCents: number
}

export interface ReportLine {
  meter: string
  quantity: number
  unitPriceCents: number
  amountCents: number
}

export interface Report {
  customerId: string
  from: string
  to: string
  meter: string | null
  totalCents: number
  lines: ReportLine[]
}

/** One usage event as the tests send it. */
export interface Usage {
  customerId: string
  meter: string
  quantity: number
  occurredAt: string
}

/** A range of whole days, both included, as the report's query writes them. */
export interface Range {
  from: string
  to: string
}

export const DAY = 86_400_000
const HOUR = 3_600_000
const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A customer id shaped like a payment provider's (`cus_NffrFeUfNV2Hib`), unique in the run. */
export function newCustomer(): string {
  return random.unique(() => `cus_${Array.from({ length: 14 }, () => random.pick([...ID_CHARACTERS])).join('')}`)
}

/** Midnight (UTC) that starts a day, in ms; `month` and `day` may run over (they roll on). */
export function dayStart(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day)
}

/** "YYYY-MM-DD" of the day an instant (ms) falls on, in UTC. */
export function dayOf(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10)
}

/** The range from one day to another, both given as the midnight (ms) that starts them. */
export function rangeOf(first: number, last: number): Range {
  return { from: dayOf(first), to: dayOf(last) }
}

/**
 * A year that has ended: report ranges lie in the past. Tests also record usage up to six hours
 * into the next year, which the service refuses while it is still in the future (on 1 January);
 * so the latest year drawn is the one that ended before the last two days.
 */
export function pastYear(earliest = 2012): number {
  return random.int(earliest, new Date(Date.now() - 2 * DAY).getUTCFullYear() - 1)
}

let meterList: Promise<Meter[]> | undefined

/** The price list, as the service publishes it. */
export function meters(): Promise<Meter[]> {
  meterList ??= (async () => {
    const response = await service.get<Meter[]>('/meters')
    expectStatus(response, 200, 'listing the meters and their prices')
    check(Array.isArray(response.body) && response.body.length > 1, `GET /meters answered ${response.text}, expected the price list.`)
    return response.body
  })()
  return meterList
}

/** A plausible quantity for a meter: thousands of API requests, GB-days, seats. */
export function quantityFor(meter: string): number {
  if (meter === 'seats') return random.int(1, 250)
  if (meter === 'storage-gb-days') return random.int(1, 40_000)
  return random.int(1, 9_000)
}

/** A usage event at an instant (ms), of the given meter or a random one. */
export async function usageAt(customerId: string, at: number, meter?: string): Promise<Usage> {
  const code = meter ?? random.pick(await meters()).code
  return { customerId, meter: code, quantity: quantityFor(code), occurredAt: new Date(at).toISOString() }
}

/**
 * Usage all through one day (its midnight in ms): at the midnight that starts it, in the
 * morning, the afternoon and the evening, in its last second and at its very last millisecond.
 */
export function usageThroughDay(customerId: string, midnight: number, meter?: string): Promise<Usage[]> {
  const at = (from: number, to: number) => midnight + random.int(from, to)
  return Promise.all([
    usageAt(customerId, midnight, meter),
    usageAt(customerId, at(1, 9 * HOUR), meter),
    usageAt(customerId, at(9 * HOUR, 17 * HOUR), meter),
    usageAt(customerId, at(17 * HOUR, DAY - 2000), meter),
    usageAt(customerId, at(DAY - 999, DAY - 2), meter),
    usageAt(customerId, midnight + DAY - 1, meter)
  ])
}

/** Usage just outside a range: the last millisecond before its first day and the first instants after its last day. */
export function usageJustOutside(customerId: string, range: Range): Promise<Usage[]> {
  const first = Date.parse(`${range.from}T00:00:00Z`)
  const after = Date.parse(`${range.to}T00:00:00Z`) + DAY
  return Promise.all([
    usageAt(customerId, first - 1),
    usageAt(customerId, first - random.int(1, 6 * HOUR)),
    usageAt(customerId, after),
    usageAt(customerId, after + random.int(1, 6 * HOUR))
  ])
}

/** Usage at the midnight that starts the range, and somewhere strictly inside it (never on its last day). */
export async function usageInside(customerId: string, range: Range, count: number): Promise<Usage[]> {
  const first = Date.parse(`${range.from}T00:00:00Z`)
  const last = Date.parse(`${range.to}T00:00:00Z`)
  const usage = [await usageAt(customerId, first)]
  if (last > first) for (let i = 0; i < count; i++) usage.push(await usageAt(customerId, first + random.int(0, last - first - 1)))
  return usage
}

/** Records usage, a few events at a time, in random order, and checks each event is acknowledged. */
export async function recordUsage(events: Usage[]): Promise<void> {
  const queue = random.shuffle(events)
  const worker = async () => {
    for (let event = queue.pop(); event !== undefined; event = queue.pop()) {
      const response = await service.post<Usage>('/usage', event)
      expectStatus(response, 201, `recording ${event.quantity} ${event.meter} at ${event.occurredAt} for ${event.customerId}`)
    }
  }
  await Promise.all(Array.from({ length: 3 }, worker))
}

export function reportPath(customerId: string, range: Range, meter?: string): string {
  return `/customers/${customerId}/usage/report?from=${range.from}&to=${range.to}${meter === undefined ? '' : `&meter=${meter}`}`
}

/** What the report should say: the usage from the first instant of `from` to the last of `to`, per meter. */
export async function expectedReport(customerId: string, range: Range, usage: Usage[], meter?: string): Promise<{ totalCents: number; lines: ReportLine[] }> {
  const prices = new Map((await meters()).map((entry) => [entry.code, entry.unitPriceCents]))
  const start = Date.parse(`${range.from}T00:00:00Z`)
  const end = Date.parse(`${range.to}T00:00:00Z`) + DAY
  const quantities = new Map<string, number>()
  for (const event of usage) {
    const at = Date.parse(event.occurredAt)
    if (event.customerId === customerId && at >= start && at < end && (meter === undefined || event.meter === meter)) {
      quantities.set(event.meter, (quantities.get(event.meter) ?? 0) + event.quantity)
    }
  }
  const lines = [...quantities]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, quantity]) => {
      const unitPriceCents = prices.get(code) ?? 0
      return { meter: code, quantity, unitPriceCents, amountCents: quantity * unitPriceCents }
    })
  return { totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0), lines }
}

function describeLines(lines: readonly ReportLine[]): string {
  return lines.length ? lines.map((line) => `${line.meter} ×${line.quantity}`).join(', ') : 'no usage'
}

/** The usage of a customer on a day ("YYYY-MM-DD"), to show next to a wrong report. */
function usageOn(customerId: string, day: string, usage: Usage[], meter?: string): string {
  const events = usage.filter((event) => event.customerId === customerId && event.occurredAt.startsWith(day) && (meter === undefined || event.meter === meter))
  return events.length ? events.map((event) => `${event.occurredAt.slice(11)} ${event.meter} ×${event.quantity}`).join(', ') : 'none'
}

/** Asks for a report and compares it with the usage sent; returns the problem in the ticket's terms, or nothing. */
export async function reportProblem(customerId: string, range: Range, usage: Usage[], meter?: string): Promise<string | undefined> {
  const path = reportPath(customerId, range, meter)
  const response = await service.get<Report>(path)
  if (response.status !== 200) return `GET ${path} answered ${response.status}, expected 200: ${response.text.slice(0, 200)}`
  const body = response.body
  if (body.customerId !== customerId || body.from !== range.from || body.to !== range.to || body.meter !== (meter ?? null)) {
    return `GET ${path} answered a report of ${body.customerId} from ${body.from} to ${body.to} (meter ${body.meter}), expected ${customerId} from ${range.from} to ${range.to} (meter ${meter ?? null})`
  }
  const expected = await expectedReport(customerId, range, usage, meter)
  const shape = (report: { totalCents: number; lines: ReportLine[] }) =>
    JSON.stringify([report.totalCents, report.lines.map(({ meter: code, quantity, unitPriceCents, amountCents }) => [code, quantity, unitPriceCents, amountCents])])
  if (shape(body) === shape(expected)) return undefined
  const dayBefore = dayOf(Date.parse(`${range.from}T00:00:00Z`) - DAY)
  const dayAfter = dayOf(Date.parse(`${range.to}T00:00:00Z`) + DAY)
  return (
    `GET ${path} reported ${describeLines(body.lines)} (total ${body.totalCents} cents), expected ${describeLines(expected.lines)} (total ${expected.totalCents} cents). ` +
    `Usage recorded on ${range.from} (first day): ${usageOn(customerId, range.from, usage, meter)}; on ${range.to} (last day): ${usageOn(customerId, range.to, usage, meter)}; ` +
    `on ${dayBefore} (before the range): ${usageOn(customerId, dayBefore, usage, meter)}; on ${dayAfter} (after it): ${usageOn(customerId, dayAfter, usage, meter)}`
  )
}

/** Fails with every problem found (the first three shown), or returns. */
export function failWith(problems: (string | undefined)[], summary: string): void {
  const found = problems.filter((problem): problem is string => problem !== undefined)
  if (!found.length) return
  const shown = found.slice(0, 3)
  const more = found.length > shown.length ? `\n(and ${found.length - shown.length} more like these)` : ''
  throw new CheckFailed(`${summary}:\n${shown.join('\n')}${more}`)
}

/** The usage stored for a customer (table usage_events), as sent. */
export async function storedUsage(customerId: string): Promise<string[]> {
  const rows = await database.query<{ meter_code: string; quantity: number; occurred_at: Date }>(
    'SELECT meter_code, quantity, occurred_at FROM usage_events WHERE customer_id = $1',
    [customerId]
  )
  return rows.map((row) => `${row.occurred_at.toISOString()} ${row.meter_code} ×${row.quantity}`).sort()
}

export function describeUsage(usage: Usage[]): string[] {
  return usage.map((event) => `${event.occurredAt} ${event.meter} ×${event.quantity}`).sort()
}
