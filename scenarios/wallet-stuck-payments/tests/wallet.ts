import { check, CheckFailed, database, expectStatus, random, service, type ServiceResponse } from '@debug-drills/drill-kit'

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function token(length: number): string {
  return Array.from({ length }, () => ALPHANUMERIC[random.int(0, ALPHANUMERIC.length - 1)]).join('')
}

/** A customer id as the accounts service hands them out, such as `cus_Q8fLz2WkPa71Ns`. */
export function customerId(): string {
  return random.unique(() => `cus_${token(14)}`)
}

export interface TopUp {
  id: string
  type: 'payment.succeeded'
  createdAt: string
  data: { paymentId: string; customerId: string; amountCents: number; currency: string }
}

/** A `payment.succeeded` event as the payment provider sends it. */
export function topUp(customer: string, amountCents = random.cents(500, 50_000), currency = 'USD'): TopUp {
  return {
    id: random.unique(() => `evt_${token(24)}`),
    type: 'payment.succeeded',
    createdAt: new Date(Date.now() - random.int(0, 90_000)).toISOString(),
    data: { paymentId: random.unique(() => `pay_${token(24)}`), customerId: customer, amountCents, currency }
  }
}

export function describeTopUp(event: TopUp): string {
  return `the top-up of ${event.data.amountCents} cents (payment ${event.data.paymentId}, event ${event.id}) for ${event.data.customerId}`
}

export async function openWallet(customer: string, currency = 'USD'): Promise<void> {
  expectStatus(await service.post('/wallets', { customerId: customer, currency }), 201, `opening a ${currency} wallet for ${customer}`)
}

/** Delivers the event as the provider does; every delivery must be answered 200, or the provider retries. */
export async function deliver(event: TopUp, what = 'delivering'): Promise<string> {
  const response = await service.post<{ outcome: string }>('/webhooks/payments', event)
  expectStatus(response, 200, `${what} ${describeTopUp(event)} to POST /webhooks/payments`)
  return response.body.outcome
}

export async function balanceOf(customer: string): Promise<number> {
  const response = await service.get<{ balanceCents: number }>(`/wallets/${customer}`)
  expectStatus(response, 200, `reading the wallet of ${customer}`)
  return response.body.balanceCents
}

/** Polls `probe` until it returns something other than undefined, or gives up after `ms`. */
export async function until<T>(ms: number, probe: () => Promise<T | undefined>): Promise<T | undefined> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined || Date.now() > deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 40))
  }
}

interface InboxRow {
  status: string
  deliveries: number
  last_error: string | null
}

export async function storedEvent(eventId: string): Promise<InboxRow | undefined> {
  const [row] = await database.query<InboxRow>('SELECT status, deliveries, last_error FROM provider_events WHERE event_id = $1', [eventId])
  return row
}

/** Waits until the service's background worker has handled the event (applied or failed it). */
export async function handled(event: TopUp): Promise<InboxRow> {
  const row = await until(8_000, async () => {
    const stored = await storedEvent(event.id)
    return stored && stored.status !== 'pending' ? stored : undefined
  })
  check(row, `${describeTopUp(event)} was answered 200 but the wallet service had not credited it (nor given up on it) 8 s later`)
  return row
}

export interface StoredEntry {
  kind: string
  amount_cents: number
  balance_after_cents: number
  reference: string
  event_id: string | null
}

/** The customer's ledger entries as stored, oldest first. */
export function storedEntries(customer: string): Promise<StoredEntry[]> {
  return database.query<StoredEntry>(
    `SELECT e.kind, e.amount_cents, e.balance_after_cents, e.reference, e.event_id
       FROM ledger_entries e JOIN wallets w ON w.id = e.wallet_id
      WHERE w.customer_id = $1 ORDER BY e.id`,
    [customer]
  )
}

export async function storedBalance(customer: string): Promise<number | undefined> {
  const [row] = await database.query<{ balance_cents: number }>('SELECT balance_cents FROM wallets WHERE customer_id = $1', [customer])
  return row?.balance_cents
}

const HOLD = 'a long report holding the table'

/**
 * Holds a lock in the database (as a long-running statement would) while `during` runs: the
 * wallet's row, so that the worker waits in the middle of crediting it, or the inbox table, so
 * that deliveries wait to be stored. `during` may wait until a number of database sessions wait
 * on a lock; it returns what to await once the lock is released.
 */
export async function whileHeld<T>(what: { wallet: string } | 'inbox', during: (waitingFor: (count: number) => Promise<void>) => Promise<() => Promise<T>>): Promise<T> {
  const holding = (
    what === 'inbox'
      ? database.query(`/* ${HOLD} */ LOCK TABLE provider_events IN SHARE ROW EXCLUSIVE MODE; SELECT pg_sleep(10)`)
      : database.query(`/* ${HOLD} */ WITH held AS (SELECT id FROM wallets WHERE customer_id = $1 FOR UPDATE) SELECT pg_sleep(10) FROM (SELECT count(*) FROM held) AS wallet`, [what.wallet])
  ).catch(() => undefined)
  const holder = await until(5_000, async () => {
    const rows = await database.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND wait_event = 'PgSleep' AND query LIKE $1`,
      [`/* ${HOLD} */%`]
    )
    return rows[0]?.pid
  })
  if (holder === undefined) throw new Error('Could not hold the wallet for the overlapping payments (the test database did not answer as expected).')
  const waitingFor = async (count: number) => {
    await until(3_000, async () => {
      const [row] = await database.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
      )
      return (row?.waiting ?? 0) >= count ? true : undefined
    })
  }
  let rest: () => Promise<T>
  try {
    rest = await during(waitingFor)
  } finally {
    await database.query('SELECT pg_cancel_backend($1)', [holder])
    await holding
  }
  return rest()
}

/** A wallet with `amountCents` of store credit, topped up through the provider's webhook. */
export async function fundedWallet(amountCents = random.cents(2_000, 60_000)): Promise<{ customer: string; fundedCents: number }> {
  const customer = customerId()
  await openWallet(customer)
  const event = topUp(customer, amountCents)
  await deliver(event, 'topping up the new wallet:')
  const row = await handled(event)
  check(row.status === 'applied', `${describeTopUp(event)} was not credited: ${row.last_error ?? row.status}`)
  return { customer, fundedCents: amountCents }
}

export function orderId(): string {
  return random.unique(() => `ord_${random.int(10_000_000, 99_999_999)}`)
}

export interface Payment {
  orderId: string
  amountCents: number
}

export function describePayment(customer: string, payment: Payment): string {
  return `POST /wallets/${customer}/spend (order ${payment.orderId}, ${payment.amountCents} cents)`
}

/** How long a payment may take: a wallet payment is one short transaction. */
export const ANSWER_WITHIN_MS = 2_500

/**
 * Pays from the wallet and fails the test if the service does not answer within
 * `ANSWER_WITHIN_MS`, as checkout does.
 */
export async function pay<T = { amountCents: number; balanceAfterCents: number; reference: string }>(customer: string, payment: Payment, story: string): Promise<ServiceResponse<T>> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CheckFailed(`${story}: ${describePayment(customer, payment)} got no answer within ${ANSWER_WITHIN_MS / 1000} s (checkout gives up and the customer sees a spinner)`)),
      ANSWER_WITHIN_MS
    )
  })
  try {
    return await Promise.race([service.post<T>(`/wallets/${customer}/spend`, payment), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Pays and requires the status, within the time limit. */
export async function expectPaid(customer: string, payment: Payment, status: number, story: string): Promise<ServiceResponse<{ amountCents: number; balanceAfterCents: number; reference: string }>> {
  const response = await pay(customer, payment, story)
  expectStatus(response, status, `${story}: ${describePayment(customer, payment)}`)
  return response
}

/** The stored ledger of the customer as (kind, amount) pairs, and checks that its running balance matches the wallet. */
export async function expectStoredLedger(customer: string, expected: [string, number][], story: string): Promise<void> {
  const entries = await storedEntries(customer)
  const actual = entries.map((entry): [string, number] => [entry.kind, entry.amount_cents])
  check(
    JSON.stringify(actual) === JSON.stringify(expected),
    `${story}, the stored ledger of ${customer} (kind, cents) is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`
  )
  const total = expected.reduce((sum, [, cents]) => sum + cents, 0)
  const balance = await storedBalance(customer)
  check(balance === total, `${story}, the stored balance of ${customer} is ${balance} cents, expected ${total}`)
}
