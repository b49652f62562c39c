import { CheckFailed, database, expectStatus, pause, random, service, type ServiceResponse, until } from '@debug-drills/drill-kit'

export const STATUSES = ['pending', 'paid', 'shipped', 'cancelled'] as const
export type Status = (typeof STATUSES)[number]

/** The statuses a batch can move orders to (nothing goes back to pending). */
export const TARGETS = ['paid', 'shipped', 'cancelled'] as const satisfies readonly Status[]

export interface Order {
  id: number
  customerId: string
  status: Status
  totalCents: number
  /** The API client that placed it: the test's own, which the audit trail names for its changes too. */
  placedBy: string | null
}

export interface BatchAnswer {
  changed: number[]
  failed: { id: number; message: string }[]
}

const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A customer id as the payment provider issues them, e.g. `cus_Qx3rT0bLm9Vz2K`. */
export function newCustomer(): string {
  return random.unique(() => `cus_${Array.from({ length: 14 }, () => random.pick([...ID_CHARACTERS])).join('')}`)
}

const NEXT: Record<Status, readonly Status[]> = { pending: ['paid', 'cancelled'], paid: ['shipped', 'cancelled'], shipped: [], cancelled: [] }

/** What the service says when an order in `from` cannot become `to`. */
export function refusal(from: Status, to: Status): string | undefined {
  if (NEXT[from].includes(to)) return undefined
  return from === to ? `The order is already ${to}` : `An order that is ${from} cannot become ${to}`
}

function pathTo(status: Status): Status[] {
  if (status === 'pending') return []
  if (status === 'paid') return ['paid']
  if (status === 'shipped') return ['paid', 'shipped']
  return random.chance() ? ['cancelled'] : ['paid', 'cancelled']
}

export interface Plan {
  customerId: string
  status: Status
}

/**
 * Places the orders (two at a time, as checkouts overlap, without piling up transactions on a busy machine) and brings each to its status. Every random draw happens
 * before the first request, so the seed alone decides the data.
 */
export async function placeOrders(wanted: readonly Plan[]): Promise<Order[]> {
  const plans = wanted.map(({ customerId, status }) => ({
    customerId,
    lines: Array.from({ length: random.int(1, 3) }, () => ({ sku: random.sku(), quantity: random.int(1, 5), unitPriceCents: random.cents(99, 40_000) })),
    path: pathTo(status)
  }))
  const orders: Order[] = []
  for (let start = 0; start < plans.length; start += 2) {
    const placed = await Promise.all(
      plans.slice(start, start + 2).map(async ({ customerId, lines, path }) => {
        const response = await service.post<Order>('/orders', { customerId, lines })
        expectStatus(response, 201, `placing an order for ${customerId}`)
        let order = response.body
        for (const next of path) {
          const changed = await service.post<Order>(`/orders/${order.id}/status`, { status: next })
          expectStatus(changed, 200, `moving order ${order.id} to ${next}`)
          order = changed.body
        }
        return order
      })
    )
    orders.push(...placed)
  }
  return orders
}

/** Some orders of a few customers in every status, shuffled as a warehouse list comes. */
export function mixedPlans(perStatus: number): Plan[] {
  const customers = Array.from({ length: random.int(2, 4) }, newCustomer)
  return random.shuffle(STATUSES.flatMap((status) => Array.from({ length: perStatus }, () => ({ customerId: random.pick(customers), status }))))
}

export async function sendBatch(ids: readonly number[], status: Status, reason?: string): Promise<ServiceResponse<BatchAnswer>> {
  return service.post<BatchAnswer>('/orders/status-batch', { ids, status, ...(reason && { reason }) })
}

export function reasonFor(status: Status): string | undefined {
  if (status === 'cancelled') return random.pick(['Customer changed their mind', 'Payment declined', 'Address undeliverable', 'Duplicate order'])
  if (status === 'shipped') return random.chance() ? `Parcel ${random.int(100_000, 999_999)} handed to ${random.pick(['DHL', 'UPS', 'DPD', 'GLS', 'PostNL'])}` : undefined
  return undefined
}

export interface StoredOrder {
  id: number
  status: Status
  changes: number
  events: number
}

/** Each order's stored status, how many audit rows it has and how many webhook events, read with SQL. */
export async function stored(ids: readonly number[]): Promise<Map<number, StoredOrder>> {
  const rows = await database.query<StoredOrder>(
    `SELECT o.id, o.status::text AS status,
            (SELECT count(*)::int FROM order_status_changes c WHERE c.order_id = o.id) AS changes,
            (SELECT count(*)::int FROM outbox_events e WHERE e.order_id = o.id) AS events
       FROM orders o WHERE o.id = ANY($1::int[])`,
    [ids]
  )
  return new Map(rows.map((row) => [row.id, row]))
}

/** The audit row of the latest change of each order: who, why, to what. */
export async function latestChanges(ids: readonly number[]): Promise<Map<number, { to: Status; changedBy: string | null; reason: string | null }>> {
  const rows = await database.query<{ order_id: number; to: Status; changed_by: string | null; reason: string | null }>(
    `SELECT DISTINCT ON (order_id) order_id, to_status::text AS "to", changed_by, reason
       FROM order_status_changes WHERE order_id = ANY($1::int[]) ORDER BY order_id, id DESC`,
    [ids]
  )
  return new Map(rows.map((row) => [row.order_id, { to: row.to, changedBy: row.changed_by, reason: row.reason }]))
}

/** The number of audit rows placing and moving an order to `status` along `pathTo` leaves: one per status it went through. */
export async function changeCounts(ids: readonly number[]): Promise<Map<number, number>> {
  const rows = await database.query<{ id: number; changes: number }>(
    'SELECT order_id AS id, count(*)::int AS changes FROM order_status_changes WHERE order_id = ANY($1::int[]) GROUP BY order_id',
    [ids]
  )
  return new Map(rows.map((row) => [row.id, row.changes]))
}

export { pause, until }

const HOLD = 'warehouse row hold'

/**
 * Holds a lock on the order's row, as another request changing that order would, until the
 * returned `release` is called. Status changes of that order wait in the database meanwhile.
 */
export async function holdOrder(id: number): Promise<{ release: () => Promise<void> }> {
  const holding = database
    .query(`/* ${HOLD} */ WITH locked AS (SELECT id FROM orders WHERE id = $1 FOR UPDATE) SELECT pg_sleep(12) FROM (SELECT count(*) FROM locked) AS every_row`, [id])
    .catch(() => undefined)
  const holder = await until(5_000, async () => {
    const rows = await database.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND wait_event = 'PgSleep' AND query LIKE $1`,
      [`/* ${HOLD} */%`]
    )
    return rows[0]?.pid
  })
  if (holder === undefined) throw new Error('Could not lock an order row for the test (the test database did not answer as expected).')
  return {
    async release() {
      await database.query('SELECT pg_cancel_backend($1)', [holder])
      await holding
    }
  }
}

/** True once some request of the service waits in the database for a row lock. */
export async function someoneWaitsForALock(): Promise<boolean> {
  const [row] = await database.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
  )
  return (row?.waiting ?? 0) > 0
}

export function describeIds(ids: readonly number[]): string {
  return ids.length === 0 ? 'none' : ids.map((id) => `#${id}`).join(', ')
}

export function fail(message: string): never {
  throw new CheckFailed(message)
}
