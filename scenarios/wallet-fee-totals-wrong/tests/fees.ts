import { check, database, expectEqual, expectStatus, random, service } from '@debug-drills/drill-kit'

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** Currencies with cents, as the provider settles them. */
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'NZD', 'CZK'] as const

function token(length: number): string {
  return Array.from({ length }, () => ALPHANUMERIC[random.int(0, ALPHANUMERIC.length - 1)]).join('')
}

/** A customer id as the accounts service hands them out, such as `cus_Q8fLz2WkPa71Ns`. */
export function customerId(): string {
  return random.unique(() => `cus_${token(14)}`)
}

export interface Month {
  label: string
  year: number
  /** 1 to 12 */
  month: number
  days: number
}

function monthAt(year: number, month: number): Month {
  const first = new Date(Date.UTC(year, month - 1, 1))
  const label = first.toISOString().slice(0, 7)
  return { label, year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, days: new Date(Date.UTC(year, month, 0)).getUTCDate() }
}

/**
 * A past month that no other test of the run touches, nor its neighbours (a test may send
 * payments just outside its month), such as `2022-07`. Each file of tests draws from its own years.
 */
export function reportMonth(years: [number, number]): Month {
  for (;;) {
    const month = monthAt(random.int(years[0], years[1]), random.int(1, 12))
    const around = [monthAt(month.year, month.month - 1), month, monthAt(month.year, month.month + 1)].map((each) => `month ${each.label}`)
    if (around.some((label) => reserved.has(label))) continue
    for (const label of around) reserved.add(label)
    return month
  }
}
const reserved = new Set<string>()

/** `count` different currencies, in random order. */
export function currencies(count: number): string[] {
  return random.sample(CURRENCIES, count)
}

/** `count` different days of the month, in order. */
export function daysOf(month: { days: number }, count: number): number[] {
  return random.sample(
    Array.from({ length: month.days }, (_, index) => index + 1),
    count
  ).sort((a, b) => a - b)
}

/** An instant on `day` of the month, at a random time of the day (UTC). */
export function on(month: Month, day: number, msIntoDay = random.int(0, 86_400_000 - 1)): Date {
  return new Date(Date.UTC(month.year, month.month - 1, day) + msIntoDay)
}

/** The provider writes a fee as it likes: "8", "8.00", "0.5", "0.50", "0.87". */
export function written(feeCents: number): string {
  const whole = Math.floor(feeCents / 100)
  const cents = feeCents % 100
  if (cents === 0) return random.chance() ? String(whole) : `${whole}.00`
  if (cents % 10 === 0 && random.chance()) return `${whole}.${cents / 10}`
  return `${whole}.${String(cents).padStart(2, '0')}`
}

export function money(cents: number): string {
  return (cents / 100).toFixed(2)
}

export interface Payment {
  id: string
  type: 'payment.succeeded'
  createdAt: string
  data: { paymentId: string; customerId: string; amountCents: number; currency: string; fee?: string }
}

export interface Sent {
  event: Payment
  currency: string
  at: Date
  amountCents: number
  feeCents: number
}

/** A customer with a wallet in `currency`, who pays through the provider. */
export async function payer(currency: string): Promise<string> {
  const customer = customerId()
  expectStatus(await service.post('/wallets', { customerId: customer, currency }), 201, `opening a ${currency} wallet for ${customer}`)
  return customer
}

/** The provider reports a payment of `amountCents` at `at`, with its fee (none: it sends no fee, which is 0). */
export async function pay(customer: string, currency: string, at: Date, amountCents: number, feeCents: number | undefined): Promise<Sent> {
  const event: Payment = {
    id: random.unique(() => `evt_${token(24)}`),
    type: 'payment.succeeded',
    createdAt: at.toISOString(),
    data: { paymentId: random.unique(() => `pay_${token(24)}`), customerId: customer, amountCents, currency, ...(feeCents === undefined ? {} : { fee: written(feeCents) }) }
  }
  const fee = event.data.fee === undefined ? 'no fee' : `a fee of ${event.data.fee}`
  expectStatus(await service.post('/webhooks/payments', event), 200, `the provider reporting a ${currency} payment of ${money(amountCents)} on ${event.createdAt} with ${fee}`)
  return { event, currency, at, amountCents, feeCents: feeCents ?? 0 }
}

/** A fee the provider could charge for `amountCents`: a percentage and a fixed part, in cents. */
export function feeFor(amountCents: number): number {
  return Math.round((amountCents * random.int(140, 350)) / 10_000) + random.pick([0, 20, 25, 30, 35])
}

interface DayReport {
  date: string
  payments: number
  amountCents: number
  fees: number
}

interface CurrencyReport {
  currency: string
  payments: number
  amountCents: number
  fees: number
  netCents: number
  days: DayReport[]
}

export interface FeesReport {
  month: string
  currencies: CurrencyReport[]
}

/** What the report of `month` must say about these payments (all of the month's payments). */
export function expected(month: string, payments: Sent[]): FeesReport {
  const byCurrency = new Map<string, Map<string, { payments: number; amountCents: number; feeCents: number }>>()
  for (const payment of payments) {
    const days = byCurrency.get(payment.currency) ?? new Map()
    const date = payment.at.toISOString().slice(0, 10)
    const day = days.get(date) ?? { payments: 0, amountCents: 0, feeCents: 0 }
    days.set(date, { payments: day.payments + 1, amountCents: day.amountCents + payment.amountCents, feeCents: day.feeCents + payment.feeCents })
    byCurrency.set(payment.currency, days)
  }
  const currencies = [...byCurrency.keys()].sort().map((currency): CurrencyReport => {
    const days = [...byCurrency.get(currency)!].sort(([a], [b]) => a.localeCompare(b))
    const total = days.reduce((sum, [, day]) => ({ payments: sum.payments + day.payments, amountCents: sum.amountCents + day.amountCents, feeCents: sum.feeCents + day.feeCents }), {
      payments: 0,
      amountCents: 0,
      feeCents: 0
    })
    return {
      currency,
      payments: total.payments,
      amountCents: total.amountCents,
      fees: total.feeCents / 100,
      netCents: total.amountCents - total.feeCents,
      days: days.map(([date, day]) => ({ date, payments: day.payments, amountCents: day.amountCents, fees: day.feeCents / 100 }))
    }
  })
  return { month, currencies }
}

function describeDays(currency: CurrencyReport): string {
  return currency.days.map((day) => `${day.fees} on ${day.date}`).join(', ')
}

/**
 * Reads GET /reports/provider-fees for the month and compares it with the payments sent,
 * currency by currency: the month's totals, the net payout and the days.
 */
export async function expectReport(month: string, payments: Sent[], story: string): Promise<void> {
  const want = expected(month, payments)
  const path = `/reports/provider-fees?month=${month}`
  const response = await service.get<FeesReport>(path)
  expectStatus(response, 200, `${story}: finance opening the provider-fees report of ${month}`)
  const got = response.body
  expectEqual(
    got.currencies.map((currency) => currency.currency),
    want.currencies.map((currency) => currency.currency),
    `${story}, the currencies GET ${path} listed`
  )
  for (const [index, currency] of want.currencies.entries()) {
    const answer = got.currencies[index]!
    const about = `${story}, GET ${path} for ${currency.currency} (days with payments: ${currency.days.length}, their fees: ${describeDays(currency)})`
    expectEqual(answer.days, currency.days, `${about}: the days`)
    expectEqual(answer.payments, currency.payments, `${about}: the month's number of payments`)
    expectEqual(answer.amountCents, currency.amountCents, `${about}: the month's amountCents`)
    expectEqual(answer.fees, currency.fees, `${about}: the month's fees`)
    expectEqual(answer.netCents, currency.netCents, `${about}: the month's netCents (amountCents ${currency.amountCents} less the fees)`)
  }
  expectEqual(got, want, `${story}, the whole answer of GET ${path}`)
}

/** The fees stored for these payments, as PostgreSQL holds them ("0.87"). */
export async function storedFees(payments: Sent[]): Promise<Array<string | undefined>> {
  const ids = payments.map((payment) => payment.event.id)
  const rows = await database.query<{ event_id: string; fee: string }>('SELECT event_id, fee::text AS fee FROM provider_events WHERE event_id = ANY($1)', [ids])
  check(rows.length === ids.length, `Of ${ids.length} payments the provider reported, the database holds ${rows.length} in provider_events.`)
  return ids.map((id) => rows.find((row) => row.event_id === id)?.fee)
}
