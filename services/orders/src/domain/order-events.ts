import type { OrderStatus } from './order-status.js'

export const ORDER_EVENT_TYPES = ['order.placed', 'order.status_changed', 'order.archived'] as const

export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number]

/** What a receiver needs to act on an event without calling back. (Types, not interfaces: they are stored as JSON.) */
export type OrderSnapshot = {
  id: number
  customerId: string
  status: OrderStatus
  totalCents: number
}

/** The body of a webhook delivery; `id` is added at delivery, from the outbox row. */
export type OrderEventPayload = {
  type: OrderEventType
  occurredAt: string
  order: OrderSnapshot
  /** Set on `order.status_changed`. */
  previousStatus?: OrderStatus
  reason?: string
  /** The API client that made the change, when known. */
  actor: string | null
}

export interface OrderEvent {
  type: OrderEventType
  orderId: number
  payload: OrderEventPayload
}

function snapshot({ id, customerId, status, totalCents }: OrderSnapshot): OrderSnapshot {
  return { id, customerId, status, totalCents }
}

function event(type: OrderEventType, order: OrderSnapshot, actor: string | undefined, at: Date, extra: Partial<OrderEventPayload> = {}): OrderEvent {
  return {
    type,
    orderId: order.id,
    payload: { type, occurredAt: at.toISOString(), order: snapshot(order), actor: actor ?? null, ...extra }
  }
}

export function orderPlaced(order: OrderSnapshot, actor: string | undefined, at: Date): OrderEvent {
  return event('order.placed', order, actor, at)
}

export function orderStatusChanged(order: OrderSnapshot, previousStatus: OrderStatus, actor: string | undefined, at: Date, reason?: string): OrderEvent {
  return event('order.status_changed', order, actor, at, reason ? { previousStatus, reason } : { previousStatus })
}

export function orderArchived(order: OrderSnapshot, actor: string | undefined, at: Date): OrderEvent {
  return event('order.archived', order, actor, at)
}
