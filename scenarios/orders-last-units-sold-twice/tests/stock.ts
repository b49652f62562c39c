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

export function line(sku: string, quantity: number): Line {
  return { sku, quantity, unitPriceCents: random.cents(499, 60_000) }
}

/** A limited SKU with `available` units left, set through the API as the warehouse does. */
export async function stockedSku(available: number): Promise<string> {
  const sku = random.sku()
  const response = await service.put<{ sku: string; available: number }>(`/stock/${sku}`, { available })
  expectStatus(response, 200, `setting the stock of ${sku} to ${available}`)
  return sku
}

export async function storedStock(sku: string): Promise<number | undefined> {
  const rows = await database.query<{ available: number }>('SELECT available FROM stock_levels WHERE sku = $1', [sku])
  return rows[0]?.available
}

export function placeOrder(customerId: string, lines: readonly Line[]): Promise<ServiceResponse<Order>> {
  return service.post<Order>('/orders', { customerId, lines })
}

/** The stored orders that hold a line of `sku`, with the quantity of that SKU in each. */
export async function storedOrdersOf(sku: string): Promise<{ id: number; customerId: string; quantity: number }[]> {
  return database.query<{ id: number; customerId: string; quantity: number }>(
    `SELECT o.id, o.customer_id AS "customerId", sum(l.quantity)::int AS quantity
       FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE l.sku = $1 GROUP BY o.id ORDER BY o.id`,
    [sku]
  )
}

export async function storedOrdersOfCustomer(customerId: string): Promise<number> {
  const [row] = await database.query<{ count: number }>('SELECT count(*)::int AS count FROM orders WHERE customer_id = $1', [customerId])
  return row?.count ?? 0
}

/** What the service answers when an order asks for more of `sku` than the `available` left. */
export function shortage(sku: string, available: number): string {
  return available === 0 ? `${sku} is sold out` : `Only ${available} of ${sku} left`
}

export function fail(message: string): never {
  throw new CheckFailed(message)
}

const MARK = 'other instance'

/**
 * Runs `first` (SQL on the SKU's stock row) in a transaction of its own, as another instance of
 * the service placing an order would, sends `requests` while that transaction is open, and commits
 * it only once `waiting` of them wait in the database for the stock row (or after a few seconds,
 * for code that never lets two orders reach the database at once). Every request has so read the
 * stock before the other transaction commits: the worst interleaving, every run.
 */
export async function whileAnotherTransactionHolds<T>(sku: string, first: string, waiting: number, requests: (() => Promise<T>)[]): Promise<T[]> {
  if (!/^[A-Z0-9-]+$/.test(sku)) throw new Error(`unexpected SKU ${sku}`)
  const holding = database.query(
    `/* ${MARK} */ DO $other$
     DECLARE started timestamptz := clock_timestamp();
     BEGIN
       ${first.replaceAll('$sku', `'${sku}'`)};
       PERFORM pg_sleep(0.05);
       WHILE (SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted) < ${waiting} AND clock_timestamp() < started + interval '4 seconds' LOOP
         PERFORM pg_sleep(0.005);
       END LOOP;
     END $other$`
  )
  const holder = await until(5_000, async () => {
    const rows = await database.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND wait_event = 'PgSleep' AND query LIKE $1`,
      [`/* ${MARK} */%`]
    )
    return rows[0]?.pid
  })
  if (holder === undefined) throw new Error('Could not open the concurrent transaction on the stock (the test database did not answer as expected).')
  const sent = requests.map((send) => send())
  await holding
  return Promise.all(sent)
}
