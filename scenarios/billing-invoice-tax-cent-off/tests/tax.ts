import { check, CheckFailed, database, expectStatus, random, service } from '@debug-drills/drill-kit'

export interface Meter {
  code: string
  name: string
  unitPriceCents: number
}

export interface Line {
  meter: string
  quantity: number
  unitPriceCents: number
  amountCents: number
}

/** What an invoice, or its preview, charges. */
export interface Charges {
  subtotalCents: number
  taxRatePercent: string
  taxCents: number
  totalCents: number
  lines: Line[]
}

export interface Invoice extends Charges {
  id: number
  customerId: string
  period: string
}

/** One customer's month: a tax rate and one usage event per meter. */
export interface TaxCase {
  customerId: string
  /** "YYYY-MM", a month that has ended. */
  period: string
  /** As the customer's terms write it: "8.875". */
  ratePercent: string
  usage: { meter: string; quantity: number; unitPriceCents: number }[]
}

const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Sales tax rates as US states and cities charge them, and a few from elsewhere. */
const RATES = ['8.875', '7.25', '6.25', '9.5', '10.25', '4.712', '6.35', '5.3', '7.375', '8.25', '9.45', '4.5', '6.625', '20', '12.5', '0.5', '15', '2.9']

/** Meters some products add to the price list; the tests add a few per run, at prices of their own. */
const EXTRA_METERS = ['gpu-hours', 'egress-gb', 'build-minutes', 'sms-messages', 'email-sends', 'webhook-deliveries', 'vector-queries', 'log-gb-ingested']

/** A customer id shaped like a payment provider's (`cus_NffrFeUfNV2Hib`), unique in the run. */
export function newCustomer(): string {
  return random.unique(() => `cus_${Array.from({ length: 14 }, () => random.pick([...ID_CHARACTERS])).join('')}`)
}

/** A month that has ended, "YYYY-MM". */
export function pastPeriod(): string {
  const year = random.int(2014, new Date().getUTCFullYear() - 1)
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}`
}

/** A rate from the list, or one drawn with up to three decimals. */
export function randomRate(): string {
  if (random.chance(0.6)) return random.pick(RATES)
  const thousandths = random.int(1, 25_000)
  return rateText(thousandths)
}

/** "8.875" for 8875 thousandths of a percent. */
export function rateText(thousandths: number): string {
  const fraction = String(thousandths % 1000).padStart(3, '0').replace(/0+$/, '')
  return fraction ? `${Math.floor(thousandths / 1000)}.${fraction}` : String(Math.floor(thousandths / 1000))
}

export function thousandthsOf(ratePercent: string): number {
  const [whole, fraction = ''] = ratePercent.split('.')
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'))
}

/** The tax on an amount, by the terms: the exact percentage, rounded to the nearest cent, half a cent up. */
export function taxOn(cents: number, ratePercent: string): number {
  return Number((BigInt(cents) * BigInt(thousandthsOf(ratePercent)) + 50_000n) / 100_000n)
}

/** The remainder, in 1/100000 of a cent, of an amount's exact tax: 50000 is exactly half a cent. */
export function taxRemainder(cents: number, ratePercent: string): number {
  return Number((BigInt(cents) * BigInt(thousandthsOf(ratePercent))) % 100_000n)
}

let meterList: Promise<Meter[]> | undefined

/** The price list with a few meters of the run's own added, at prices the run draws. */
export function meters(): Promise<Meter[]> {
  meterList ??= (async () => {
    for (const code of random.sample(EXTRA_METERS, 4)) {
      const response = await service.post('/meters', { code, name: code.replace(/-/g, ' '), unitPriceCents: random.int(1, 400) })
      // Replaying a seed on the same database finds them there already.
      check(response.status === 201 || response.status === 409, `POST /meters ${code} answered ${response.status}, expected 201: ${response.text.slice(0, 200)}`)
    }
    const response = await service.get<Meter[]>('/meters')
    expectStatus(response, 200, 'listing the meters and their prices')
    check(Array.isArray(response.body) && response.body.length >= 6, `GET /meters answered ${response.text.slice(0, 300)}, expected the price list with at least 6 meters`)
    return response.body
  })()
  return meterList
}

function quantity(): number {
  return random.chance(0.7) ? random.int(1, 2_000) : random.int(2_000, 60_000)
}

/** What the terms charge: the lines, their subtotal, the tax on the subtotal rounded once, and the total. */
export function expectedCharges(taxCase: TaxCase): Charges {
  const lines = [...taxCase.usage]
    .sort((a, b) => (a.meter < b.meter ? -1 : 1))
    .map(({ meter, quantity: used, unitPriceCents }) => ({ meter, quantity: used, unitPriceCents, amountCents: used * unitPriceCents }))
  const subtotalCents = lines.reduce((sum, line) => sum + line.amountCents, 0)
  const taxCents = taxOn(subtotalCents, taxCase.ratePercent)
  return { subtotalCents, taxRatePercent: taxCase.ratePercent, taxCents, totalCents: subtotalCents + taxCents, lines }
}

/** The tax if each line were taxed and rounded on its own, then added up. */
export function perLineTax(taxCase: TaxCase): number {
  return taxCase.usage.reduce((sum, line) => sum + taxOn(line.quantity * line.unitPriceCents, taxCase.ratePercent), 0)
}

/**
 * A customer's month with `lineCount` meters at a rate, drawn until taxing each line and
 * taxing the subtotal come out different (`differ`) or the same: every run has both kinds.
 */
export async function drawCase(lineCount: number, differ: boolean, ratePercent = randomRate()): Promise<TaxCase> {
  const priced = await meters()
  for (let attempt = 0; attempt < 5_000; attempt++) {
    const taxCase: TaxCase = {
      customerId: newCustomer(),
      period: pastPeriod(),
      ratePercent,
      usage: random.sample(priced, lineCount).map((meter) => ({ meter: meter.code, quantity: quantity(), unitPriceCents: meter.unitPriceCents }))
    }
    const total = expectedCharges(taxCase).taxCents
    if ((perLineTax(taxCase) !== total) === differ && total > 0) return taxCase
    // A rate can make every combination round alike (20 % of whole cents never has a fraction); try another.
    if (attempt % 50 === 49) ratePercent = randomRate()
  }
  throw new Error(`Found no ${lineCount}-line case whose roundings ${differ ? 'differ' : 'agree'}`)
}

/**
 * A one-line month whose exact tax has a remainder in [low, high] hundred-thousandths of a cent
 * (50000 is exactly half), and optionally an even or odd number of whole cents below it.
 */
export async function drawSingleLine(low: number, high: number, wholeCents?: 'even' | 'odd'): Promise<TaxCase> {
  const priced = await meters()
  for (let attempt = 0; attempt < 2_000; attempt++) {
    const meter = random.pick(priced)
    const ratePercent = random.chance(0.7) ? random.pick(RATES) : randomRate()
    const start = quantity()
    for (let used = start; used < start + 2_000; used++) {
      const remainder = taxRemainder(used * meter.unitPriceCents, ratePercent)
      // The whole cents below the exact tax: a half cent rounds up from an even number as from an odd one.
      const whole = (taxOn(used * meter.unitPriceCents, ratePercent) - (remainder >= 50_000 ? 1 : 0)) % 2 === 0 ? 'even' : 'odd'
      if (remainder >= low && remainder <= high && (wholeCents === undefined || whole === wholeCents)) {
        return { customerId: newCustomer(), period: pastPeriod(), ratePercent, usage: [{ meter: meter.code, quantity: used, unitPriceCents: meter.unitPriceCents }] }
      }
    }
  }
  throw new Error(`Found no one-line case with a remainder from ${low} to ${high}`)
}

/** Sets the customer's rate and records the month's usage; checks each is acknowledged. */
export async function prepare(taxCase: TaxCase): Promise<void> {
  const rate = await service.put(`/customers/${taxCase.customerId}/tax-rate`, { ratePercent: taxCase.ratePercent })
  expectStatus(rate, 200, `setting the tax rate of ${taxCase.customerId} to ${taxCase.ratePercent} %`)
  const [year, month] = taxCase.period.split('-').map(Number) as [number, number]
  for (const line of taxCase.usage) {
    const occurredAt = new Date(Date.UTC(year, month - 1, random.int(1, 28), random.int(0, 23), random.int(0, 59))).toISOString()
    const response = await service.post('/usage', { customerId: taxCase.customerId, meter: line.meter, quantity: line.quantity, occurredAt })
    expectStatus(response, 201, `recording ${line.quantity} ${line.meter} for ${taxCase.customerId} in ${taxCase.period}`)
  }
}

/** Prepares cases a few at a time. */
export async function prepareAll(cases: TaxCase[]): Promise<void> {
  const queue = [...cases]
  const worker = async () => {
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) await prepare(next)
  }
  await Promise.all(Array.from({ length: 3 }, worker))
}

function describeLines(lines: readonly Line[]): string {
  return lines.map((line) => `${line.meter} ${line.quantity} × ${line.unitPriceCents}¢ = ${line.amountCents}¢`).join(', ')
}

/** Compares charges with what the terms say; returns the problem in the ticket's terms, or nothing. */
export function chargesProblem(what: string, actual: Partial<Charges> | undefined, taxCase: TaxCase): string | undefined {
  const expected = expectedCharges(taxCase)
  const shape = (charges: Partial<Charges> | undefined) =>
    JSON.stringify([
      charges?.subtotalCents,
      charges?.taxRatePercent,
      charges?.taxCents,
      charges?.totalCents,
      (charges?.lines ?? []).map((line) => [line.meter, line.quantity, line.unitPriceCents, line.amountCents])
    ])
  if (shape(actual) === shape(expected)) return undefined
  return (
    `${what} charged subtotal ${actual?.subtotalCents}¢, tax ${actual?.taxCents}¢ at ${actual?.taxRatePercent} %, total ${actual?.totalCents}¢; ` +
    `expected subtotal ${expected.subtotalCents}¢, tax ${expected.taxCents}¢ at ${expected.taxRatePercent} % (${expected.subtotalCents}¢ × ${expected.taxRatePercent} % = ` +
    `${(expected.subtotalCents * thousandthsOf(expected.taxRatePercent)) / 100_000}¢), total ${expected.totalCents}¢. Lines: ${describeLines(expected.lines)}`
  )
}

/** The invoice preview of the case's month, compared with the terms. */
export async function previewProblem(taxCase: TaxCase): Promise<string | undefined> {
  const path = `/customers/${taxCase.customerId}/usage/summary?period=${taxCase.period}`
  const response = await service.get<Charges>(path)
  if (response.status !== 200) return `GET ${path} answered ${response.status}, expected 200: ${response.text.slice(0, 200)}`
  return chargesProblem(`The ${taxCase.period} preview of ${taxCase.customerId} (GET ${path})`, response.body, taxCase)
}

interface StoredInvoice {
  subtotal_cents: number
  tax_rate_percent: string
  tax_cents: number
  total_cents: number
  event_total: number | null
}

/**
 * Issues the case's invoice and compares what POST answered, what GET reads back, what the
 * tables invoices and invoice_lines hold and the total the invoice.issued event carries.
 */
export async function invoiceProblems(taxCase: TaxCase): Promise<string[]> {
  const path = `/customers/${taxCase.customerId}/invoices`
  const issued = await service.post<Invoice>(path, { period: taxCase.period })
  if (issued.status !== 201) return [`POST ${path} {"period":"${taxCase.period}"} answered ${issued.status}, expected 201: ${issued.text.slice(0, 200)}`]
  const problems = [chargesProblem(`The ${taxCase.period} invoice of ${taxCase.customerId} (POST ${path})`, issued.body, taxCase)]
  const read = await service.get<Invoice>(`${path}/${taxCase.period}`)
  problems.push(read.status === 200 ? chargesProblem(`GET ${path}/${taxCase.period}`, read.body, taxCase) : `GET ${path}/${taxCase.period} answered ${read.status}, expected 200`)

  const [row] = await database.query<StoredInvoice>(
    `SELECT i.subtotal_cents, i.tax_rate_percent::text AS tax_rate_percent, i.tax_cents, i.total_cents,
            (SELECT (e.payload->>'totalCents')::int FROM outbox_events e WHERE e.type = 'invoice.issued' AND e.payload->>'invoiceId' = i.id::text LIMIT 1) AS event_total
       FROM invoices i WHERE i.customer_id = $1 AND i.period = $2`,
    [taxCase.customerId, taxCase.period]
  )
  const lines = await database.query<{ meter_code: string; quantity: number; unit_price_cents: number; amount_cents: number }>(
    `SELECT l.meter_code, l.quantity, l.unit_price_cents, l.amount_cents FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
      WHERE i.customer_id = $1 AND i.period = $2 ORDER BY l.meter_code`,
    [taxCase.customerId, taxCase.period]
  )
  if (!row) problems.push(`The invoices table holds no ${taxCase.period} invoice of ${taxCase.customerId}`)
  else {
    const stored: Charges = {
      subtotalCents: row.subtotal_cents,
      taxRatePercent: rateText(thousandthsOf(row.tax_rate_percent)),
      taxCents: row.tax_cents,
      totalCents: row.total_cents,
      lines: lines.map((line) => ({ meter: line.meter_code, quantity: line.quantity, unitPriceCents: line.unit_price_cents, amountCents: line.amount_cents }))
    }
    problems.push(chargesProblem(`The stored ${taxCase.period} invoice of ${taxCase.customerId} (tables invoices, invoice_lines)`, stored, taxCase))
    const total = expectedCharges(taxCase).totalCents
    if (row.event_total !== total) problems.push(`The invoice.issued event of ${taxCase.customerId} ${taxCase.period} (table outbox_events) carries totalCents ${row.event_total}, expected ${total}`)
  }
  return problems.filter((problem): problem is string => problem !== undefined)
}

/** Fails with every problem found (the first three shown), or returns. */
export function failWith(problems: (string | undefined)[], summary: string): void {
  const found = problems.filter((problem): problem is string => problem !== undefined)
  if (!found.length) return
  const shown = found.slice(0, 3)
  const more = found.length > shown.length ? `\n(and ${found.length - shown.length} more like these)` : ''
  throw new CheckFailed(`${summary}:\n${shown.join('\n')}${more}`)
}
