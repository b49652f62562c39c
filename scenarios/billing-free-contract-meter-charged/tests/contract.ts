import { check, CheckFailed, database, expectStatus, random, service } from '@debug-drills/drill-kit'

/** A meter of the price list: its list price and the allowance every customer gets each period. */
export interface Meter {
  code: string
  name: string
  unitPriceCents: number
  includedUnits: number
}

/** What an account manager sets for one meter; null leaves the meter's own value. */
export interface Terms {
  unitPriceCents: number | null
  includedUnits: number | null
}

/** One meter of a customer's month: how much was used, and the contract's terms (none: no contract for it). */
export interface CaseLine {
  meter: Meter
  quantity: number
  terms?: Terms
}

/** One customer's month: usage on a few meters, some of them under contract terms, and a tax rate. */
export interface BillingCase {
  customerId: string
  /** "YYYY-MM", a month that has ended. */
  period: string
  ratePercent: string
  lines: CaseLine[]
}

export interface Line {
  meter: string
  quantity: number
  includedUnits: number
  unitPriceCents: number
  amountCents: number
}

export interface Charges {
  subtotalCents: number
  taxCents: number
  totalCents: number
  lines: Line[]
}

const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Meters product teams add to the price list, with the allowance a plan typically includes. */
const METER_KINDS: { code: string; name: string; price: [number, number]; allowance: [number, number] }[] = [
  { code: 'sms-messages', name: 'SMS messages sent', price: [2, 9], allowance: [100, 1_000] },
  { code: 'build-minutes', name: 'CI build minutes', price: [1, 4], allowance: [500, 3_000] },
  { code: 'egress-gb', name: 'Data transfer out, per GB', price: [5, 15], allowance: [10, 200] },
  { code: 'gpu-hours', name: 'GPU hours', price: [90, 400], allowance: [1, 20] },
  { code: 'email-sends', name: 'E-mails sent', price: [1, 3], allowance: [1_000, 10_000] },
  { code: 'vector-queries', name: 'Vector search queries', price: [1, 6], allowance: [2_000, 20_000] },
  { code: 'support-hours', name: 'Premium support hours', price: [4_500, 15_000], allowance: [1, 5] },
  { code: 'webhook-deliveries', name: 'Webhook deliveries', price: [1, 2], allowance: [5_000, 50_000] },
  { code: 'log-gb-ingested', name: 'Logs ingested, per GB', price: [20, 60], allowance: [5, 50] },
  { code: 'seat-licences', name: 'Named user licences', price: [900, 2_900], allowance: [2, 10] }
]
const REGIONS = ['eu', 'us', 'apac', 'ca', 'uk', 'v2', 'pro', 'std']

/** Sales tax rates as customers pay them; "0" for the many without. */
const RATES = ['0', '0', '0', '8.875', '7.25', '6.25', '9.5', '20', '4.712', '10.25']

export function newCustomer(): string {
  return random.unique(() => `cus_${Array.from({ length: 14 }, () => random.pick([...ID_CHARACTERS])).join('')}`)
}

/** A month that has ended, "YYYY-MM", unique in the run so that two cases of a customer never share one. */
export function pastPeriod(): string {
  return random.unique(() => `${random.int(2015, new Date().getUTCFullYear() - 1)}-${String(random.int(1, 12)).padStart(2, '0')}`)
}

let meterList: Promise<Meter[]> | undefined

/** Five meters of the run's own, each with a list price and an allowance above 0, read back from GET /meters. */
export function meters(): Promise<Meter[]> {
  meterList ??= (async () => {
    const created: string[] = []
    for (const kind of random.sample(METER_KINDS, 5)) {
      const code = random.unique(() => `${kind.code}-${random.pick(REGIONS)}`)
      const body = { code, name: kind.name, unitPriceCents: random.int(...kind.price), includedUnits: random.int(...kind.allowance) }
      const response = await service.post('/meters', body)
      expectStatus(response, 201, `adding the meter ${code} at ${body.unitPriceCents}¢ with ${body.includedUnits} units included`)
      created.push(code)
    }
    const response = await service.get<Meter[]>('/meters')
    expectStatus(response, 200, 'listing the meters')
    const listed = created.map((code) => response.body.find((meter) => meter.code === code))
    check(listed.every((meter) => meter && meter.includedUnits > 0), `GET /meters answered ${response.text.slice(0, 400)}, expected the meters ${created.join(', ')} with their allowances`)
    return listed as Meter[]
  })()
  return meterList
}

/** A negotiated price above 0 and different from the list price. */
export function negotiatedPrice(meter: Meter): number {
  for (;;) {
    const price = random.int(1, meter.unitPriceCents * 2 + 3)
    if (price !== meter.unitPriceCents) return price
  }
}

/** A negotiated allowance above 0 and different from the meter's. */
export function negotiatedAllowance(meter: Meter): number {
  for (;;) {
    const units = random.int(1, meter.includedUnits * 3 + 5)
    if (units !== meter.includedUnits) return units
  }
}

/** What the line's terms come to: the contract's where it sets them, the meter's otherwise. */
export function effectiveTerms({ meter, terms }: CaseLine): { unitPriceCents: number; includedUnits: number } {
  return {
    unitPriceCents: terms && terms.unitPriceCents !== null ? terms.unitPriceCents : meter.unitPriceCents,
    includedUnits: terms && terms.includedUnits !== null ? terms.includedUnits : meter.includedUnits
  }
}

/** A month's typical usage beyond any allowance: many cheap units (e-mails), few dear ones (support hours). */
export function typicalVolume(meter: Meter): number {
  return Math.min(40_000, Math.max(12, Math.round(200_000 / meter.unitPriceCents)))
}

/** A quantity above what the line includes, so that every unit price shows in the amount. */
export function quantityAbove(includedUnits: number, meter: Meter): number {
  const volume = typicalVolume(meter)
  return includedUnits + (random.chance(0.7) ? random.int(1, Math.ceil(volume / 4)) : random.int(1, volume))
}

function thousandthsOf(ratePercent: string): number {
  const [whole, fraction = ''] = ratePercent.split('.')
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'))
}

/** What the customer's month should cost by the contract and the price list. */
export function expectedCharges(billingCase: BillingCase): Charges {
  const lines = [...billingCase.lines]
    .sort((a, b) => (a.meter.code < b.meter.code ? -1 : 1))
    .map((line) => {
      const { unitPriceCents, includedUnits } = effectiveTerms(line)
      const included = Math.min(line.quantity, includedUnits)
      return { meter: line.meter.code, quantity: line.quantity, includedUnits: included, unitPriceCents, amountCents: (line.quantity - included) * unitPriceCents }
    })
  const subtotalCents = lines.reduce((sum, line) => sum + line.amountCents, 0)
  const taxCents = Number((BigInt(subtotalCents) * BigInt(thousandthsOf(billingCase.ratePercent)) + 50_000n) / 100_000n)
  return { subtotalCents, taxCents, totalCents: subtotalCents + taxCents, lines }
}

export function newCase(lines: CaseLine[], ratePercent = random.pick(RATES)): BillingCase {
  return { customerId: newCustomer(), period: pastPeriod(), ratePercent, lines }
}

export async function setTerms(customerId: string, meter: string, terms: Terms): Promise<void> {
  const response = await service.put(`/customers/${customerId}/contract/${meter}`, terms)
  expectStatus(response, 200, `setting the contract of ${customerId} for ${meter} to ${JSON.stringify(terms)}`)
}

/** Sets the case's contract terms and tax rate, and records its usage in one to three reports per meter. */
export async function prepare(billingCase: BillingCase): Promise<void> {
  const { customerId, period } = billingCase
  if (billingCase.ratePercent !== '0') {
    const rate = await service.put(`/customers/${customerId}/tax-rate`, { ratePercent: billingCase.ratePercent })
    expectStatus(rate, 200, `setting the tax rate of ${customerId} to ${billingCase.ratePercent} %`)
  }
  for (const line of billingCase.lines) if (line.terms) await setTerms(customerId, line.meter.code, line.terms)
  const [year, month] = period.split('-').map(Number) as [number, number]
  for (const line of billingCase.lines) {
    const parts = Math.min(line.quantity, random.int(1, 3))
    let left = line.quantity
    for (let part = parts; part > 0; part--) {
      const quantity = part === 1 ? left : random.int(1, left - part + 1)
      left -= quantity
      const occurredAt = new Date(Date.UTC(year, month - 1, random.int(1, 28), random.int(0, 23), random.int(0, 59))).toISOString()
      const response = await service.post('/usage', { customerId, meter: line.meter.code, quantity, occurredAt })
      expectStatus(response, 201, `recording ${quantity} ${line.meter.code} for ${customerId} in ${period}`)
    }
  }
}

/** Prepares cases a few at a time. */
export async function prepareAll(cases: BillingCase[]): Promise<void> {
  const queue = [...cases]
  const worker = async () => {
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) await prepare(next)
  }
  await Promise.all(Array.from({ length: 3 }, worker))
}

function describeTerms(line: CaseLine): string {
  const own = `list ${line.meter.unitPriceCents}¢, ${line.meter.includedUnits} included`
  if (!line.terms) return `no contract terms; ${own}`
  const show = (value: number | null, unit: string) => (value === null ? `${unit} not negotiated` : `${unit} ${value}`)
  return `contract: ${show(line.terms.unitPriceCents, 'price')}${line.terms.unitPriceCents === null ? '' : '¢'}, ${show(line.terms.includedUnits, 'included units')}; ${own}`
}

function describeLine(line: Partial<Line>): string {
  return `${line.meter} ${line.quantity} used, ${line.includedUnits} included, (${line.quantity} - ${line.includedUnits}) × ${line.unitPriceCents}¢ = ${line.amountCents}¢`
}

const shape = (charges: Partial<Charges> | undefined) =>
  JSON.stringify([
    charges?.subtotalCents,
    charges?.taxCents,
    charges?.totalCents,
    (charges?.lines ?? []).map((line) => [line.meter, line.quantity, line.includedUnits, line.unitPriceCents, line.amountCents])
  ])

/** Compares charges with the contract; returns the problem in the account manager's terms, or nothing. */
export function chargesProblem(what: string, actual: Partial<Charges> | undefined, billingCase: BillingCase): string | undefined {
  const expected = expectedCharges(billingCase)
  if (shape(actual) === shape(expected)) return undefined
  const terms = [...billingCase.lines].sort((a, b) => (a.meter.code < b.meter.code ? -1 : 1)).map((line) => `${line.meter.code}: ${describeTerms(line)}`)
  return (
    `${what} charged subtotal ${actual?.subtotalCents}¢, total ${actual?.totalCents}¢ with lines [${(actual?.lines ?? []).map(describeLine).join('; ')}]; ` +
    `expected subtotal ${expected.subtotalCents}¢, total ${expected.totalCents}¢ with lines [${expected.lines.map(describeLine).join('; ')}]. ` +
    `Terms: ${terms.join('; ')}`
  )
}

export async function previewProblem(billingCase: BillingCase): Promise<string | undefined> {
  const path = `/customers/${billingCase.customerId}/usage/summary?period=${billingCase.period}`
  const response = await service.get<Charges>(path)
  if (response.status !== 200) return `GET ${path} answered ${response.status}, expected 200: ${response.text.slice(0, 200)}`
  return chargesProblem(`The ${billingCase.period} preview of ${billingCase.customerId} (GET ${path})`, response.body, billingCase)
}

/** The invoice as the tables invoices, invoice_lines and outbox_events hold it. */
export async function storedCharges(customerId: string, period: string): Promise<{ charges: Charges; eventTotal: number | null } | undefined> {
  const [row] = await database.query<{ subtotal_cents: number; tax_cents: number; total_cents: number; event_total: number | null }>(
    `SELECT i.subtotal_cents, i.tax_cents, i.total_cents,
            (SELECT (e.payload->>'totalCents')::int FROM outbox_events e WHERE e.type = 'invoice.issued' AND e.payload->>'invoiceId' = i.id::text LIMIT 1) AS event_total
       FROM invoices i WHERE i.customer_id = $1 AND i.period = $2`,
    [customerId, period]
  )
  if (!row) return undefined
  const lines = await database.query<{ meter_code: string; quantity: number; included_units: number; unit_price_cents: number; amount_cents: number }>(
    `SELECT l.meter_code, l.quantity, l.included_units, l.unit_price_cents, l.amount_cents
       FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
      WHERE i.customer_id = $1 AND i.period = $2 ORDER BY l.meter_code`,
    [customerId, period]
  )
  return {
    charges: {
      subtotalCents: row.subtotal_cents,
      taxCents: row.tax_cents,
      totalCents: row.total_cents,
      lines: lines.map((line) => ({ meter: line.meter_code, quantity: line.quantity, includedUnits: line.included_units, unitPriceCents: line.unit_price_cents, amountCents: line.amount_cents }))
    },
    eventTotal: row.event_total
  }
}

/** Issues the case's invoice and compares what POST answers, what GET reads back, the stored rows and the invoice.issued event. */
export async function invoiceProblems(billingCase: BillingCase): Promise<string[]> {
  const { customerId, period } = billingCase
  const path = `/customers/${customerId}/invoices`
  const issued = await service.post<Charges>(path, { period })
  if (issued.status !== 201) return [`POST ${path} {"period":"${period}"} answered ${issued.status}, expected 201: ${issued.text.slice(0, 200)}`]
  const problems = [chargesProblem(`The ${period} invoice of ${customerId} (POST ${path})`, issued.body, billingCase)]
  const read = await service.get<Charges>(`${path}/${period}`)
  problems.push(read.status === 200 ? chargesProblem(`GET ${path}/${period}`, read.body, billingCase) : `GET ${path}/${period} answered ${read.status}, expected 200`)
  const stored = await storedCharges(customerId, period)
  if (!stored) problems.push(`The invoices table holds no ${period} invoice of ${customerId}`)
  else {
    problems.push(chargesProblem(`The stored ${period} invoice of ${customerId} (tables invoices, invoice_lines)`, stored.charges, billingCase))
    const total = expectedCharges(billingCase).totalCents
    if (stored.eventTotal !== total) problems.push(`The invoice.issued event of ${customerId} ${period} (table outbox_events) carries totalCents ${stored.eventTotal}, expected ${total}`)
  }
  return problems.filter((problem): problem is string => problem !== undefined)
}

/** The preview, then the invoice, of each case. */
export async function billingProblems(cases: BillingCase[]): Promise<string[]> {
  const previews = await Promise.all(cases.map((billingCase) => previewProblem(billingCase)))
  const invoices: string[] = []
  for (const billingCase of cases) invoices.push(...(await invoiceProblems(billingCase)))
  return [...previews.filter((problem): problem is string => problem !== undefined), ...invoices]
}

/** Fails with every problem found (the first three shown), or returns. */
export function failWith(problems: (string | undefined)[], summary: string): void {
  const found = problems.filter((problem): problem is string => problem !== undefined)
  if (!found.length) return
  const shown = found.slice(0, 3)
  const more = found.length > shown.length ? `\n(and ${found.length - shown.length} more like these)` : ''
  throw new CheckFailed(`${summary}:\n${shown.join('\n')}${more}`)
}
