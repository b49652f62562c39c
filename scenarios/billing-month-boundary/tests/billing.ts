import { check, CheckFailed, database, expectStatus, random, service, type ServiceResponse } from '@debug-drills/drill-kit'

export interface InvoiceLine {
  meter: string
  quantity: number
  unitPriceCents: number
  amountCents: number
}

export interface Invoice {
  id: number
  customerId: string
  period: string
  totalCents: number
  issuedAt: string
  lines: InvoiceLine[]
}

export interface Meter {
  code: string
  name: string
  unitPriceCents: number
}

/** One usage event as the tests send it. */
export interface Usage {
  customerId: string
  meter: string
  quantity: number
  occurredAt: string
}

/** One usage event as the service lists it. */
export interface RecordedUsage extends Usage {
  id: number
  idempotencyKey: string | null
  recordedAt: string
}

/** A page of a list, as the service answers it. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** The invoice preview of a period. */
export interface UsageSummary {
  customerId: string
  period: string
  invoiced: boolean
  totalCents: number
  lines: InvoiceLine[]
}

const HOUR = 3_600_000
const MINUTE = 60_000
const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A customer id shaped like a payment provider's (`cus_NffrFeUfNV2Hib`), unique in the run. */
export function newCustomer(): string {
  return random.unique(() => `cus_${Array.from({ length: 14 }, () => random.pick([...ID_CHARACTERS])).join('')}`)
}

/** "YYYY-MM" of a month; `month` may run past 12 or below 1 (it rolls into the next or previous year). */
export function periodOf(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 7)
}

/** The first instant (ms) of a month in UTC; `month` may run past 12. */
export function monthStart(year: number, month: number): number {
  return Date.UTC(year, month - 1, 1)
}

/** The UTC month ("YYYY-MM") an instant belongs to, by the contract. */
export function periodAt(instant: string): string {
  return instant.slice(0, 7)
}

/** The UTC month the service is in now: it cannot be invoiced yet. */
export function currentPeriod(): string {
  return new Date().toISOString().slice(0, 7)
}

/** The latest year whose months, and the January after it, have all ended. */
export function latestClosedYear(): number {
  const now = new Date()
  return now.getUTCFullYear() - (now.getUTCMonth() >= 2 ? 1 : 2)
}

let meterList: Promise<Meter[]> | undefined

/** The price list, as the service publishes it. */
export function meters(): Promise<Meter[]> {
  meterList ??= (async () => {
    const response = await service.get<Meter[]>('/meters')
    expectStatus(response, 200, 'listing the meters and their prices')
    check(Array.isArray(response.body) && response.body.length > 0, `GET /meters answered ${response.text}, expected the price list.`)
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

/** A usage event of a random meter at an instant (ms). */
export async function usageAt(customerId: string, at: number): Promise<Usage> {
  const meter = random.pick(await meters()).code
  return { customerId, meter, quantity: quantityFor(meter), occurredAt: new Date(at).toISOString() }
}

/**
 * Usage on both sides of the midnight (UTC) that starts month `month` of `year`: the last
 * millisecond and a moment in the last hours of the month before, the midnight itself and a
 * moment in the first hours after it.
 */
export async function usageAroundMidnight(customerId: string, year: number, month: number): Promise<Usage[]> {
  const midnight = monthStart(year, month)
  return Promise.all([
    usageAt(customerId, midnight - random.int(1, 4 * 60 - 1) * MINUTE - random.int(0, 59) * 1000),
    usageAt(customerId, midnight - 1),
    usageAt(customerId, midnight),
    usageAt(customerId, midnight + random.int(1, 4 * 60 * 60 - 1) * 1000)
  ])
}

/** Usage of random meters at `offsets` (ms) from an instant (ms), for one customer. */
export function usageAround(customerId: string, at: number, offsets: number[]): Promise<Usage[]> {
  return Promise.all(offsets.map((offset) => usageAt(customerId, at + offset)))
}

/** Usage somewhere in the middle of a month (days 3 to 27). */
export function usageMidMonth(customerId: string, year: number, month: number): Promise<Usage> {
  return usageAt(customerId, monthStart(year, month) + (random.int(2, 26) * 24 + random.int(0, 23)) * HOUR + random.int(0, 59) * MINUTE)
}

/**
 * How many POST /usage are in flight at once. Each is a transaction, and the service's pool has 10
 * connections: with a year's 74 events sent at once, the last would wait for a connection behind
 * 64 others, and Prisma refuses (500) a transaction that cannot start within 2 s.
 */
const RECORDING_LANES = 6

/** Records usage, a few events at a time, and checks each event is acknowledged as sent. */
export async function recordUsage(events: Usage[]): Promise<void> {
  const queue = [...events]
  let failed = false
  const record = async (event: Usage) => {
    const response = await service.post<Usage>('/usage', event)
    expectStatus(response, 201, `recording ${event.quantity} ${event.meter} at ${event.occurredAt} for ${event.customerId}`)
    check(
      response.body.occurredAt === event.occurredAt && response.body.quantity === event.quantity,
      `POST /usage with ${JSON.stringify(event)} answered ${response.text}, expected the same quantity and occurredAt back.`
    )
  }
  const lane = async () => {
    for (let event = queue.shift(); event !== undefined && !failed; event = queue.shift()) {
      await record(event).catch((error: unknown) => {
        failed = true
        throw error
      })
    }
  }
  await Promise.all(Array.from({ length: RECORDING_LANES }, lane))
}

export function invoicePath(customerId: string): string {
  return `/customers/${customerId}/invoices`
}

function describeUsage(event: Usage): string {
  return `${event.occurredAt} ${event.meter} ×${event.quantity}`
}

/** Fails with every problem found (the first three shown), or returns. */
export function failWith(problems: string[], summary: string): void {
  if (!problems.length) return
  const shown = problems.slice(0, 3)
  const more = problems.length > shown.length ? `\n(and ${problems.length - shown.length} more like these)` : ''
  throw new CheckFailed(`${summary}:\n${shown.join('\n')}${more}`)
}

/**
 * The billing period each usage event of the customers is stored under (table usage_events),
 * compared with the UTC month it happened in.
 */
export async function storedPeriodProblems(customerIds: string[], usage: Usage[]): Promise<string[]> {
  const rows = await database.query<{ customer_id: string; meter_code: string; quantity: number; occurred_at: Date; period: string }>(
    'SELECT customer_id, meter_code, quantity, occurred_at, period FROM usage_events WHERE customer_id = ANY($1) ORDER BY occurred_at, id',
    [customerIds]
  )
  const problems: string[] = []
  const sent = usage.filter((event) => customerIds.includes(event.customerId))
  if (rows.length !== sent.length) problems.push(`usage_events holds ${rows.length} usage events of ${customerIds.join(', ')}, expected the ${sent.length} recorded`)
  for (const row of rows) {
    const occurredAt = row.occurred_at.toISOString()
    if (row.period !== periodAt(occurredAt)) {
      problems.push(`usage_events stores the usage of ${row.customer_id} at ${occurredAt} (${row.meter_code} ×${row.quantity}) under period ${row.period}, expected ${periodAt(occurredAt)}`)
    }
  }
  return problems
}

/** Follows a list's cursors to the end; fails if a page is refused or the pages never end. */
export async function listAll<T>(path: string, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = []
  let cursor: string | null = null
  for (let pages = 1; pages <= 200; pages++) {
    const separator = path.includes('?') ? '&' : '?'
    const url: string = `${path}${separator}limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
    const response: ServiceResponse<Page<T>> = await service.get<Page<T>>(url)
    expectStatus(response, 200, `listing page ${pages} of ${path}`)
    check(Array.isArray(response.body.items) && response.body.items.length <= limit, `GET ${url} answered ${response.text.slice(0, 200)}, expected at most ${limit} items`)
    items.push(...response.body.items)
    cursor = response.body.nextCursor
    if (cursor === null) return { items, pages }
  }
  throw new CheckFailed(`GET ${path} kept answering a next page after 200 pages`)
}

/** The usage a customer's list should show: newest first (ties broken by the order they were stored). */
function newestFirst(usage: Usage[]): Usage[] {
  return [...usage].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))
}

/**
 * Lists the customer's usage with the given filters, page by page, and compares it with the
 * usage sent that matches them. Returns the problem in the ticket's terms, or nothing.
 */
export async function usageListProblem(customerId: string, filters: { period?: string; meter?: string }, limit: number, usage: Usage[]): Promise<string | undefined> {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString()
  const path = `/customers/${customerId}/usage${query ? `?${query}` : ''}`
  const { items } = await listAll<RecordedUsage>(path, limit)
  const expected = newestFirst(
    usage.filter(
      (event) =>
        event.customerId === customerId &&
        (filters.period === undefined || periodAt(event.occurredAt) === filters.period) &&
        (filters.meter === undefined || event.meter === filters.meter)
    )
  )
  const shape = (events: Usage[]) => events.map((event) => `${new Date(event.occurredAt).toISOString()} ${event.meter} ×${event.quantity}`)
  const listed = shape(items)
  const wanted = shape(expected)
  // Events at the same instant may come in either order; everything else must be newest first.
  const sameInstantsInOrder = listed.map((line) => line.split(' ')[0]).join() === wanted.map((line) => line.split(' ')[0]).join()
  if (sameInstantsInOrder && [...listed].sort().join() === [...wanted].sort().join() && items.every((item) => item.customerId === customerId)) return undefined
  const missing = wanted.filter((line) => !listed.includes(line))
  const extra = listed.filter((line) => !wanted.includes(line))
  return (
    `GET ${path} (${limit} per page, following nextCursor) listed ${items.length} usage events, expected ${expected.length}, newest first` +
    (missing.length ? `; missing: ${missing.slice(0, 4).join('; ')}` : '') +
    (extra.length ? `; not expected: ${extra.slice(0, 4).join('; ')}` : '') +
    (!missing.length && !extra.length ? `; listed in this order: ${listed.slice(0, 6).join('; ')}` : '')
  )
}

/** Reads the preview of a period and compares it with the usage sent. Returns the problem, or nothing. */
export async function summaryProblem(customerId: string, period: string, usage: Usage[], invoiced = false): Promise<string | undefined> {
  const path = `/customers/${customerId}/usage/summary?period=${period}`
  const response = await service.get<UsageSummary>(path)
  if (response.status !== 200) return `GET ${path} answered ${response.status}, expected 200: ${response.text.slice(0, 200)}`
  if (response.body.period !== period || response.body.customerId !== customerId) return `GET ${path} answered the preview of ${response.body.customerId} ${response.body.period}`
  if (response.body.invoiced !== invoiced) return `GET ${path} answered invoiced: ${response.body.invoiced}, expected ${invoiced}`
  return invoiceProblem(`GET ${path} (the preview of the ${period} invoice)`, response.body, customerId, period, usage)
}

/** Records one usage event and requires the given status; returns the problem, or nothing. */
export async function recordExpecting(event: Usage, status: number, why: string): Promise<string | undefined> {
  const response = await service.post('/usage', event)
  if (response.status === status) return undefined
  return `POST /usage ${describeUsage(event)} for ${event.customerId} answered ${response.status}, expected ${status} (${why}): ${response.text.slice(0, 200)}`
}

/** What the contract says the invoice of `period` holds: the usage that happened in that UTC month, per meter. */
export async function expectedInvoice(customerId: string, period: string, usage: Usage[]): Promise<{ totalCents: number; lines: InvoiceLine[] }> {
  const prices = new Map((await meters()).map((meter) => [meter.code, meter.unitPriceCents]))
  const quantities = new Map<string, number>()
  for (const event of usage) {
    if (event.customerId === customerId && periodAt(event.occurredAt) === period) {
      quantities.set(event.meter, (quantities.get(event.meter) ?? 0) + event.quantity)
    }
  }
  const lines = [...quantities]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([meter, quantity]) => {
      const unitPriceCents = prices.get(meter) ?? 0
      return { meter, quantity, unitPriceCents, amountCents: quantity * unitPriceCents }
    })
  return { totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0), lines }
}

function describeLines(lines: readonly InvoiceLine[]): string {
  return lines.length ? lines.map((line) => `${line.meter} ×${line.quantity}`).join(', ') : 'nothing'
}

function sameContent(actual: { totalCents: number; lines: InvoiceLine[] }, expected: { totalCents: number; lines: InvoiceLine[] }): boolean {
  const shape = (invoice: { totalCents: number; lines: InvoiceLine[] }) =>
    JSON.stringify([invoice.totalCents, invoice.lines.map(({ meter, quantity, unitPriceCents, amountCents }) => [meter, quantity, unitPriceCents, amountCents])])
  return shape(actual) === shape(expected)
}

/** The events within a few hours of the period's start or end, to show next to a wrong invoice. */
function usageNearEdges(customerId: string, period: string, usage: Usage[]): string {
  const [year, month] = period.split('-').map(Number) as [number, number]
  const edges = [monthStart(year, month), monthStart(year, month + 1)]
  const near = usage.filter(
    (event) => event.customerId === customerId && edges.some((edge) => Math.abs(Date.parse(event.occurredAt) - edge) < 6 * HOUR)
  )
  return near.map((event) => `${event.occurredAt} ${event.meter} ×${event.quantity} (${periodAt(event.occurredAt)})`).join('; ')
}

/**
 * Compares what a request answered (or what is stored) for an invoice with what the contract
 * says; returns the problem in the ticket's terms, or nothing.
 */
export async function invoiceProblem(
  what: string,
  actual: { totalCents: number; lines: InvoiceLine[] },
  customerId: string,
  period: string,
  usage: Usage[]
): Promise<string | undefined> {
  const expected = await expectedInvoice(customerId, period, usage)
  if (sameContent(actual, expected)) return undefined
  const near = usageNearEdges(customerId, period, usage)
  return (
    `${what} billed ${describeLines(actual.lines)} (total ${actual.totalCents} cents), ` +
    `expected ${describeLines(expected.lines)} (total ${expected.totalCents} cents)` +
    (near ? `. Usage recorded near the start and end of ${period}: ${near}` : '')
  )
}

/** Issues an invoice and returns its answer, or the problem with the answer. */
export async function issue(customerId: string, period: string): Promise<{ invoice?: Invoice; problem?: string }> {
  const response = await service.post<Invoice>(invoicePath(customerId), { period })
  if (response.status !== 201) {
    return { problem: `POST ${invoicePath(customerId)} {"period":"${period}"} answered ${response.status}, expected 201 (the month has ended): ${response.text.slice(0, 200)}` }
  }
  if (response.body.period !== period || response.body.customerId !== customerId) {
    return { problem: `POST ${invoicePath(customerId)} {"period":"${period}"} answered an invoice for ${response.body.customerId} ${response.body.period}` }
  }
  return { invoice: response.body }
}

interface StoredLine {
  invoice_id: number
  customer_id: string
  period: string
  total_cents: number
  meter_code: string | null
  quantity: number | null
  unit_price_cents: number | null
  amount_cents: number | null
}

/** The invoices stored for some customers, with their lines, read from the database. */
export async function storedInvoices(customerIds: string[]): Promise<Map<string, { id: number; totalCents: number; lines: InvoiceLine[] }[]>> {
  const rows = await database.query<StoredLine>(
    `SELECT i.id AS invoice_id, i.customer_id, i.period, i.total_cents, l.meter_code, l.quantity, l.unit_price_cents, l.amount_cents
       FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id
      WHERE i.customer_id = ANY($1)
      ORDER BY i.id, l.meter_code`,
    [customerIds]
  )
  const byKey = new Map<string, { id: number; totalCents: number; lines: InvoiceLine[] }[]>()
  const byId = new Map<number, { id: number; totalCents: number; lines: InvoiceLine[] }>()
  for (const row of rows) {
    let invoice = byId.get(row.invoice_id)
    if (!invoice) {
      invoice = { id: row.invoice_id, totalCents: row.total_cents, lines: [] }
      byId.set(row.invoice_id, invoice)
      const key = `${row.customer_id} ${row.period}`
      byKey.set(key, [...(byKey.get(key) ?? []), invoice])
    }
    if (row.meter_code !== null) {
      invoice.lines.push({ meter: row.meter_code, quantity: row.quantity ?? 0, unitPriceCents: row.unit_price_cents ?? 0, amountCents: row.amount_cents ?? 0 })
    }
  }
  return byKey
}

/**
 * Issues the invoices of `periods` for each customer, all at once, then checks what each request
 * answered, what the database stored and what GET reads back against the usage sent.
 * Fails once, listing every wrong invoice.
 */
export async function issueAndVerify(customerIds: string[], periods: string[], usage: Usage[]): Promise<void> {
  const wanted = customerIds.flatMap((customerId) => periods.map((period) => ({ customerId, period })))
  const issued = await Promise.all(wanted.map(async ({ customerId, period }) => ({ customerId, period, ...(await issue(customerId, period)) })))
  const problems: string[] = []
  for (const { customerId, period, invoice, problem } of issued) {
    if (problem) problems.push(problem)
    else if (invoice) {
      const wrong = await invoiceProblem(`The ${period} invoice of ${customerId} (POST ${invoicePath(customerId)})`, invoice, customerId, period, usage)
      if (wrong) problems.push(wrong)
    }
  }
  if (!problems.length) {
    const stored = await storedInvoices(customerIds)
    const readBack = await Promise.all(wanted.map(({ customerId, period }) => service.get<Invoice>(`${invoicePath(customerId)}/${period}`)))
    for (const [index, { customerId, period }] of wanted.entries()) {
      const rows = stored.get(`${customerId} ${period}`) ?? []
      if (rows.length !== 1) problems.push(`The database holds ${rows.length} invoices of ${customerId} for ${period}, expected 1`)
      else {
        const wrong = await invoiceProblem(`The stored ${period} invoice of ${customerId} (tables invoices, invoice_lines)`, rows[0]!, customerId, period, usage)
        if (wrong) problems.push(wrong)
      }
      const response = readBack[index]!
      if (response.status !== 200) problems.push(`GET ${response.path} answered ${response.status}, expected 200: ${response.text.slice(0, 200)}`)
      else {
        const wrong = await invoiceProblem(`GET ${response.path}`, response.body, customerId, period, usage)
        if (wrong) problems.push(wrong)
      }
    }
  }
  if (problems.length) {
    const months = [...new Set(problems.map((problem) => /\d{4}-\d{2}/.exec(problem)?.[0]).filter(Boolean))].sort()
    const shown = problems.slice(0, 3)
    const more = problems.length > shown.length ? `\n(and ${problems.length - shown.length} more like these)` : ''
    throw new CheckFailed(
      `${problems.length} of ${wanted.length} invoices are wrong (periods ${months.join(', ')}):\n${shown.join('\n')}${more}`
    )
  }
}
