import { CheckFailed, database, expectStatus, random, service } from '@debug-drills/drill-kit'

export type Status = 'pending' | 'paid' | 'shipped' | 'cancelled'

export interface Line {
  sku: string
  quantity: number
  unitPriceCents: number
}

export interface Order {
  id: number
  customerId: string
  status: Status
  totalCents: number
  placedBy: string | null
  lines: Line[]
}

/** What the partner's webhook body holds, as the outbox stores it. */
interface Payload {
  type: string
  occurredAt: string
  order: { id: number; customerId: string; status: string; totalCents: number }
  previousStatus?: string
  reason?: string
  actor: string | null
}

export interface StoredEvent {
  type: string
  payload: Payload
}

/** An event the partner must be sent: its type, and for a status change from where to where and why. */
export interface Expected {
  type: 'order.placed' | 'order.status_changed'
  status: Status
  previousStatus?: Status
  reason?: string
}

const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A customer id as the payment provider issues them, e.g. `cus_Qx3rT0bLm9Vz2K`. */
export function newCustomer(): string {
  return random.unique(() => `cus_${Array.from({ length: 14 }, () => random.pick([...ID_CHARACTERS])).join('')}`)
}

export function randomLines(): Line[] {
  return Array.from({ length: random.int(1, 3) }, () => ({ sku: random.sku(), quantity: random.int(1, 5), unitPriceCents: random.cents(99, 60_000) }))
}

const REASONS = [
  'ordered the wrong size',
  'customer changed their mind',
  'address failed the fraud check',
  'duplicate order',
  'payment reversed by the bank',
  'customer found it cheaper elsewhere',
  'delivery date too late for the event'
] as const

export function reason(): string {
  return random.pick(REASONS)
}

export async function placeOrder(customerId = newCustomer(), lines = randomLines()): Promise<Order> {
  const placed = await service.post<Order>('/orders', { customerId, lines })
  expectStatus(placed, 201, `placing an order for ${customerId}`)
  return placed.body
}

export async function changeStatus(order: Order, status: Status, why?: string): Promise<Order> {
  const changed = await service.post<Order>(`/orders/${order.id}/status`, why ? { status, reason: why } : { status })
  expectStatus(changed, 200, `moving order #${order.id} from ${order.status} to ${status}`)
  return changed.body
}

export async function storedEvents(orderId: number): Promise<StoredEvent[]> {
  return database.query<StoredEvent>('SELECT type, payload FROM outbox_events WHERE order_id = $1 ORDER BY id', [orderId])
}

function describeOne(event: { type: string; status?: string; previousStatus?: string; reason?: string }): string {
  if (event.type !== 'order.status_changed') return event.type
  const why = event.reason ? `, "${event.reason}"` : ''
  return `${event.type} (${event.previousStatus ?? '?'} → ${event.status ?? '?'}${why})`
}

function describeAll(events: readonly { type: string; status?: string; previousStatus?: string; reason?: string }[]): string {
  return events.length === 0 ? 'none' : events.map(describeOne).join(', ')
}

/**
 * Fails unless the outbox holds exactly `want` for `order`, in that order, each with the order
 * as it was then, the client that made the change and, for a status change, where from and why.
 */
export async function expectEvents(order: Order, want: readonly Expected[], after: string): Promise<void> {
  const got = await storedEvents(order.id)
  const seen = got.map(({ type, payload }) => ({ type, status: payload.order?.status, previousStatus: payload.previousStatus, reason: payload.reason }))
  const problems: string[] = []
  if (got.length !== want.length || want.some((event, index) => got[index]?.type !== event.type)) {
    problems.push(`recorded ${describeAll(seen)}; expected ${describeAll(want)}`)
  } else {
    want.forEach((event, index) => {
      const { payload } = got[index]!
      const wanted = {
        type: event.type,
        order: { id: order.id, customerId: order.customerId, status: event.status, totalCents: order.totalCents },
        previousStatus: event.previousStatus,
        reason: event.reason,
        actor: order.placedBy
      }
      const actual = {
        type: payload.type,
        order: payload.order && { id: payload.order.id, customerId: payload.order.customerId, status: payload.order.status, totalCents: payload.order.totalCents },
        previousStatus: payload.previousStatus,
        reason: payload.reason,
        actor: payload.actor
      }
      if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
        problems.push(`event ${index + 1} (${describeOne(event)}) holds ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`)
      }
    })
  }
  if (problems.length > 0) throw new CheckFailed(`After ${after}, the events waiting for the fulfilment partner for order #${order.id}: ${problems.join('; ')}.`)
}

export function placedEvent(): Expected {
  return { type: 'order.placed', status: 'pending' }
}

export function changedEvent(previousStatus: Status, status: Status, why?: string): Expected {
  return why ? { type: 'order.status_changed', previousStatus, status, reason: why } : { type: 'order.status_changed', previousStatus, status }
}

/** How many outbox rows of `type` exist for these orders. */
export async function countOfType(orderIds: readonly number[], type: string): Promise<number> {
  const [row] = await database.query<{ count: number }>('SELECT count(*)::int AS count FROM outbox_events WHERE order_id = ANY($1::int[]) AND type = $2', [orderIds, type])
  return row?.count ?? 0
}
