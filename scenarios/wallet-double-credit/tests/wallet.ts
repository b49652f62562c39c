import { check, database, expectStatus, random, service } from '@debug-drills/drill-kit'

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

/**
 * Waits until everything the provider sent for this customer so far has been handled: delivers
 * a fresh top-up and waits for it. The service applies its queue oldest first, so once the fresh
 * one is handled, nothing sent before it is still waiting. Returns the fresh top-up.
 */
export async function settle(customer: string): Promise<TopUp> {
  const marker = topUp(customer)
  await deliver(marker, 'then, to see that the queue is through, delivering another payment:')
  await handled(marker)
  return marker
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

/** How many times the ledger holds the credit of this payment. */
export async function creditsOf(event: TopUp): Promise<number> {
  return (await storedEntries(event.data.customerId)).filter((entry) => entry.reference === event.data.paymentId).length
}

/**
 * Checks that the wallet was credited exactly once for `event` (and once for each of `others`),
 * in its balance, its ledger and the ledger's running balance.
 */
export async function expectCreditedOnce(event: TopUp, story: string, others: TopUp[] = []): Promise<void> {
  const customer = event.data.customerId
  const credits = await creditsOf(event)
  check(
    credits === 1,
    `${story}, the ledger of ${customer} holds the credit of payment ${event.data.paymentId} ${credits} times, expected once (${event.data.amountCents} cents, once)`
  )
  const expected = [event, ...others].reduce((sum, each) => sum + each.data.amountCents, 0)
  const balance = await balanceOf(customer)
  check(balance === expected, `${story}, GET /wallets/${customer} answered a balance of ${balance} cents, expected ${expected}`)
  check((await storedBalance(customer)) === expected, `${story}, the stored balance of ${customer} is ${await storedBalance(customer)} cents, expected ${expected}`)
  const entries = await storedEntries(customer)
  let running = 0
  for (const entry of entries) {
    running += entry.amount_cents
    check(
      entry.balance_after_cents === running,
      `${story}, a ledger entry of ${customer} (${entry.kind} ${entry.amount_cents} cents, ${entry.reference}) records a balance after it of ${entry.balance_after_cents}, expected ${running}`
    )
  }
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
  if (holder === undefined) throw new Error('Could not hold the database lock for the overlapping deliveries (the test database did not answer as expected).')
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

/** Nothing of this customer's may still wait in the service's queue once it has settled. */
export async function expectNothingQueued(customer: string, story: string): Promise<void> {
  const rows = await database.query<{ event_id: string }>(`SELECT event_id FROM provider_events WHERE customer_id = $1 AND status = 'pending'`, [customer])
  check(rows.length === 0, `${story}, the wallet service still has ${rows.map((row) => row.event_id).join(', ')} of ${customer} queued to be credited (again)`)
}
