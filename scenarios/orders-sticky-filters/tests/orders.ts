import { CheckFailed, database, expectStatus, random, service, until } from '@debug-drills/drill-kit'

export const STATUSES = ['pending', 'paid', 'shipped', 'cancelled'] as const
export type Status = (typeof STATUSES)[number]

export interface Order {
  id: number
  customerId: string
  status: Status
  totalCents: number
  lines: { sku: string; quantity: number; unitPriceCents: number }[]
  createdAt: string
  updatedAt: string
}

export interface Listing {
  path: string
  orders: Order[]
  next: number | null
}

const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A customer id as the payment provider issues them, e.g. `cus_Qx3rT0bLm9Vz2K`. */
export function newCustomer(): string {
  return random.unique(() => `cus_${Array.from({ length: 14 }, () => random.pick([...ID_CHARACTERS])).join('')}`)
}

export function randomLines() {
  return Array.from({ length: random.int(1, 3) }, () => ({
    sku: random.sku(),
    quantity: random.int(1, 5),
    unitPriceCents: random.cents(99, 60_000)
  }))
}

/** The status changes that bring a new order to `status`; an order is cancelled before or after payment. */
function pathTo(status: Status): Status[] {
  if (status === 'pending') return []
  if (status === 'paid') return ['paid']
  if (status === 'shipped') return ['paid', 'shipped']
  return random.chance() ? ['cancelled'] : ['paid', 'cancelled']
}

async function moveAlong(order: Order, path: readonly Status[]): Promise<Order> {
  let current = order
  for (const next of path) {
    const changed = await service.post<Order>(`/orders/${current.id}/status`, { status: next })
    expectStatus(changed, 200, `moving order ${current.id} to ${next}`)
    current = changed.body
  }
  return current
}

/** Orders placed at once: a few, as checkouts overlap, without piling up transactions on a busy machine. */
const PLACED_AT_ONCE = 4

/**
 * Places the orders a few at a time and brings each to its status. Every random draw happens
 * before the first request, so the seed alone decides the data.
 */
export async function placeOrders(wanted: readonly { customerId: string; status: Status }[]): Promise<Order[]> {
  const plans = wanted.map(({ customerId, status }) => ({ customerId, lines: randomLines(), path: pathTo(status) }))
  const orders: Order[] = []
  for (let start = 0; start < plans.length; start += PLACED_AT_ONCE) {
    const placed = await Promise.all(
      plans.slice(start, start + PLACED_AT_ONCE).map(async ({ customerId, lines, path }) => {
        const response = await service.post<Order>('/orders', { customerId, lines })
        expectStatus(response, 201, `placing an order for ${customerId}`)
        return moveAlong(response.body, path)
      })
    )
    orders.push(...placed)
  }
  return orders
}

export async function placeOrder(customerId: string, status: Status = 'pending'): Promise<Order> {
  const [order] = await placeOrders([{ customerId, status }])
  return order!
}

/** Each customer gets `perStatus` orders in every status. */
export function mixedOrders(customers: readonly string[], perStatus = 1): { customerId: string; status: Status }[] {
  return customers.flatMap((customerId) => STATUSES.flatMap((status) => Array.from({ length: perStatus }, () => ({ customerId, status }))))
}

export interface Filter {
  status?: Status
  customerId?: string
  limit?: number
  before?: number
}

export function listPath({ status, customerId, limit, before }: Filter): string {
  const params = new URLSearchParams()
  if (customerId) params.set('customerId', customerId)
  if (status) params.set('status', status)
  if (limit !== undefined) params.set('limit', String(limit))
  if (before !== undefined) params.set('before', String(before))
  const query = params.toString()
  return query ? `/orders?${query}` : '/orders'
}

export async function list(filter: Filter): Promise<Listing> {
  const path = listPath(filter)
  const listed = await service.get<{ orders: Order[]; next: number | null }>(path)
  expectStatus(listed, 200, 'listing orders')
  return { path, orders: listed.body.orders, next: listed.body.next }
}

/** What a listing with this filter must answer among `orders`: matching, not archived, newest first. */
export function expected(orders: readonly Order[], { status, customerId }: Filter, archived: readonly number[] = []): Order[] {
  return orders
    .filter((order) => !archived.includes(order.id))
    .filter((order) => (!status || order.status === status) && (!customerId || order.customerId === customerId))
    .sort((a, b) => b.id - a.id)
}

function describe(orders: readonly Order[]): string {
  if (orders.length === 0) return 'no orders'
  return orders.map((order) => `#${order.id} (${order.customerId}, ${order.status})`).join(', ')
}

/**
 * Fails with the request, what came back and what was expected, unless the listing holds exactly
 * `want` in that order (or, with `prefix`, begins with it: older orders of other customers follow).
 */
export function expectOrders(listing: Listing, want: readonly Order[], context = '', prefix = false): void {
  const got = (prefix ? listing.orders.slice(0, want.length) : listing.orders).map((order) => order.id)
  if (JSON.stringify(got) === JSON.stringify(want.map((order) => order.id))) return
  const when = context ? ` (${context})` : ''
  const wanted = prefix ? `expected it to begin with ${describe(want)}` : `expected ${describe(want)}`
  throw new CheckFailed(`GET ${listing.path}${when} answered ${describe(listing.orders)}; ${wanted}${want.length > 1 ? ', newest first' : ''}.`)
}

/**
 * Pages through a listing with `limit` and the `before` cursor and checks every page against
 * `want`. A `bounded` listing (one customer's) must end after the last page; the others go on
 * into older orders, so only the first `want.length` orders are compared.
 */
export async function expectPages(filter: Filter, want: readonly Order[], limit: number, bounded: boolean, context: string): Promise<void> {
  let before: number | undefined
  for (let start = 0, page = 1; start < want.length || bounded; start += limit, page++) {
    const listing = await list({ ...filter, limit, before })
    const slice = want.slice(start, start + limit)
    const which = `page ${page} of ${describeFilter(filter)} ${limit} at a time${context ? `, ${context}` : ''}`
    expectOrders(listing, slice, which, !bounded)
    const last = listing.orders.at(-1)
    const next = listing.orders.length === limit && last ? last.id : null
    if (listing.next !== next) {
      throw new CheckFailed(`GET ${listing.path} (${which}) answered next ${listing.next}, expected ${next}${next === null ? ' (the page is not full)' : ' (the id of the last order on the full page)'}.`)
    }
    if (bounded && slice.length < limit) return
    before = listing.next ?? undefined
  }
}

export function describeFilter({ status, customerId }: Filter): string {
  if (status && customerId) return `${customerId}'s ${status} orders`
  if (status) return `all ${status} orders`
  if (customerId) return `${customerId}'s orders`
  return 'all orders'
}

/** Polls `probe` until it answers something or the deadline passes (then undefined). */
const HOLD = 'orders table hold'

/**
 * Sends the waves of requests while reads of the orders table wait, each wave only once every
 * request of the waves before it is waiting in the database (or has answered), and then lets
 * them all through together. A later wave so always arrives while the earlier ones are still in
 * flight, every run, as when support agents open their queues at the same moment.
 */
export async function inWaves<T>(waves: readonly (readonly (() => Promise<T>)[])[]): Promise<T[][]> {
  const holding = database
    .query(`/* ${HOLD} */ DO $hold$ BEGIN LOCK TABLE orders IN ACCESS EXCLUSIVE MODE; PERFORM pg_sleep(10); END $hold$`)
    .catch(() => undefined)
  const holder = await until(5_000, async () => {
    const rows = await database.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND wait_event = 'PgSleep' AND query LIKE $1`,
      [`/* ${HOLD} */%`]
    )
    return rows[0]?.pid
  })
  if (holder === undefined) throw new Error('Could not hold the orders table to send the listings at once (the test database did not answer as expected).')
  const answers: Promise<T[]>[] = []
  let sent = 0
  let answered = 0
  try {
    for (const wave of waves) {
      const answering = Promise.all(
        wave.map((send) =>
          send().finally(() => {
            answered += 1
          })
        )
      )
      answering.catch(() => undefined)
      answers.push(answering)
      sent += wave.length
      await until(3_000, async () => {
        const [row] = await database.query<{ waiting: number }>(
          `SELECT count(DISTINCT pid)::int AS waiting FROM pg_locks WHERE relation = 'orders'::regclass AND NOT granted`
        )
        return (row?.waiting ?? 0) + answered >= sent ? true : undefined
      })
    }
  } finally {
    await database.query('SELECT pg_cancel_backend($1)', [holder])
    await holding
  }
  return Promise.all(answers)
}
