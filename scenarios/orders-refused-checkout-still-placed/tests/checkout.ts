import { CheckFailed, database, expectStatus, random, service, type ServiceResponse, until } from '@debug-drills/drill-kit'

export interface Line {
  sku: string
  quantity: number
  unitPriceCents: number
}

export interface Order {
  id: number
  customerId: string
  status: string
  totalCents: number
  lines: Line[]
}

const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A customer id as the payment provider issues them, e.g. `cus_Qx3rT0bLm9Vz2K`. */
export function newCustomer(): string {
  return random.unique(() => `cus_${Array.from({ length: 14 }, () => random.pick([...ID_CHARACTERS])).join('')}`)
}

/** An `Idempotency-Key` as a storefront makes them, e.g. `chk_4f9c2a1e7b3d5c8f`. */
export function newIdempotencyKey(): string {
  return random.unique(() => `chk_${Array.from({ length: 16 }, () => random.pick([...'0123456789abcdef'])).join('')}`)
}

export function line(sku: string, quantity: number): Line {
  return { sku, quantity, unitPriceCents: random.cents(499, 60_000) }
}

/** A limited SKU with `available` units left, set through the API as the warehouse does. */
export async function stockedSku(available: number): Promise<string> {
  const sku = random.sku()
  await setStock(sku, available)
  return sku
}

export async function setStock(sku: string, available: number): Promise<void> {
  expectStatus(await service.put(`/stock/${sku}`, { available }), 200, `setting the stock of ${sku} to ${available}`)
}

export async function storedStock(sku: string): Promise<number | undefined> {
  const rows = await database.query<{ available: number }>('SELECT available FROM stock_levels WHERE sku = $1', [sku])
  return rows[0]?.available
}

export function placeOrder(customerId: string, lines: readonly Line[], idempotencyKey?: string): Promise<ServiceResponse<Order>> {
  return service.post<Order>('/orders', { customerId, lines }, idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {})
}

export function describeLines(lines: readonly Line[]): string {
  return lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')
}

/** What the service answers when an order asks for more of `sku` than the `available` left. */
export function shortage(sku: string, available: number): string {
  return available === 0 ? `${sku} is sold out` : `Only ${available} of ${sku} left`
}

export interface Stored {
  orders: number[]
  lines: number
  auditEntries: number
  webhookEvents: number
}

/** Everything stored about the customer's orders, read with SQL: orders, their lines, audit trail and webhook events. */
export async function storedFor(customerId: string): Promise<Stored> {
  const [row] = await database.query<Stored>(
    `SELECT coalesce((SELECT array_agg(id ORDER BY id) FROM orders WHERE customer_id = $1), '{}') AS orders,
            (SELECT count(*)::int FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.customer_id = $1) AS lines,
            (SELECT count(*)::int FROM order_status_changes c JOIN orders o ON o.id = c.order_id WHERE o.customer_id = $1) AS "auditEntries",
            (SELECT count(*)::int FROM outbox_events WHERE payload -> 'order' ->> 'customerId' = $1) AS "webhookEvents"`,
    [customerId]
  )
  return row!
}

export const NOTHING: Stored = { orders: [], lines: 0, auditEntries: 0, webhookEvents: 0 }

export function fail(message: string): never {
  throw new CheckFailed(message)
}

const MARK = 'other checkout'

/**
 * Runs `first` (SQL on the SKU's stock row) in a transaction of its own, as a checkout on another
 * instance would, sends `requests` while it is open, and ends it once `waiting` requests wait in
 * the database for that row (or after a few seconds). Just before it ends it looks, as the
 * warehouse's pick list would, for orders of `customerId`: the promise answers the ids it saw
 * then, while the requests were still undecided.
 */
export async function whileAnotherCheckoutHolds<T>(
  sku: string,
  first: string,
  waiting: number,
  customerId: string,
  requests: (() => Promise<T>)[]
): Promise<{ visibleMeanwhile: number[]; responses: T[] }> {
  if (!/^[A-Z0-9-]+$/.test(sku) || !/^cus_[A-Za-z0-9]+$/.test(customerId)) throw new Error(`unexpected SKU ${sku} or customer ${customerId}`)
  const holding = database
    .query(
      `/* ${MARK} */ DO $other$
       DECLARE started timestamptz := clock_timestamp(); seen text;
       BEGIN
         ${first.replaceAll('$sku', `'${sku}'`)};
         PERFORM pg_sleep(0.05);
         WHILE (SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted) < ${waiting} AND clock_timestamp() < started + interval '4 seconds' LOOP
           PERFORM pg_sleep(0.005);
         END LOOP;
         SELECT string_agg(id::text, ',' ORDER BY id) INTO seen FROM orders WHERE customer_id = '${customerId}';
         IF seen IS NOT NULL THEN RAISE EXCEPTION 'visible meanwhile: %', seen; END IF;
       END $other$`
    )
    .then(
      () => [] as number[],
      (error: Error) => {
        const seen = /visible meanwhile: ([\d,]+)/.exec(error.message)
        if (!seen) throw error
        return seen[1]!.split(',').map(Number)
      }
    )
  const holder = await until(5_000, async () => {
    const rows = await database.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND wait_event = 'PgSleep' AND query LIKE $1`,
      [`/* ${MARK} */%`]
    )
    return rows[0]?.pid
  })
  if (holder === undefined) throw new Error('Could not open the concurrent checkout on the stock (the test database did not answer as expected).')
  const sent = requests.map((send) => send())
  const visibleMeanwhile = await holding
  return { visibleMeanwhile, responses: await Promise.all(sent) }
}
