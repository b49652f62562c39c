import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../src/domain/backoff.js'
import { summarizeCustomer } from '../../src/domain/customer-summary.js'
import { OrderTotalTooLargeError } from '../../src/domain/errors.js'
import { isSameOrderRequest } from '../../src/domain/idempotency.js'
import { isFirstPageOfCustomer, toPage } from '../../src/domain/listing.js'
import { orderPlaced, orderStatusChanged } from '../../src/domain/order-events.js'
import { canChangeStatus, isFinal, isSettled, ORDER_STATUSES } from '../../src/domain/order-status.js'
import { MAX_ORDER_TOTAL_CENTS, orderTotal } from '../../src/domain/order-total.js'
import { deliverableInOrder } from '../../src/domain/outbox-ordering.js'

describe('order status', () => {
  it('moves forward only, and shipped and cancelled are final', () => {
    const allowed = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.filter((to) => canChangeStatus(from, to)).map((to) => `${from}→${to}`))
    expect(allowed).toEqual(['pending→paid', 'pending→cancelled', 'paid→shipped', 'paid→cancelled'])
    expect(ORDER_STATUSES.filter(isFinal)).toEqual(['shipped', 'cancelled'])
    expect(ORDER_STATUSES.filter(isSettled)).toEqual(['paid', 'shipped'])
  })
})

describe('order total', () => {
  it('adds quantity times unit price over the lines', () => {
    expect(orderTotal([])).toBe(0)
    expect(orderTotal([{ quantity: 3, unitPriceCents: 499 }, { quantity: 1, unitPriceCents: 0 }])).toBe(1497)
  })

  it('refuses a total the database cannot store', () => {
    expect(orderTotal([{ quantity: 1, unitPriceCents: MAX_ORDER_TOTAL_CENTS }])).toBe(MAX_ORDER_TOTAL_CENTS)
    expect(() => orderTotal([{ quantity: 1, unitPriceCents: MAX_ORDER_TOTAL_CENTS }, { quantity: 1, unitPriceCents: 1 }])).toThrow(OrderTotalTooLargeError)
  })
})

describe('paging', () => {
  const rows = [{ id: 9 }, { id: 7 }, { id: 4 }]

  it('points a full page at its last id, and ends on a short one', () => {
    expect(toPage(rows, { limit: 3 })).toEqual({ items: rows, next: 4 })
    expect(toPage(rows, { limit: 4 })).toEqual({ items: rows, next: null })
    expect(toPage([], { limit: 1 })).toEqual({ items: [], next: null })
  })

  it('knows a customer’s first page', () => {
    expect(isFirstPageOfCustomer({ customerId: 'cus_a1b2' }, { limit: 20 })).toBe(true)
    expect(isFirstPageOfCustomer({ customerId: 'cus_a1b2', status: 'paid' }, { limit: 20 })).toBe(true)
    expect(isFirstPageOfCustomer({ customerId: 'cus_a1b2' }, { limit: 20, before: 40 })).toBe(false)
    expect(isFirstPageOfCustomer({ status: 'paid' }, { limit: 20 })).toBe(false)
  })
})

describe('customer summary', () => {
  it('adds up statuses, counts paid and shipped as spent, and keeps the latest order date', () => {
    const summary = summarizeCustomer('cus_x1y2', [
      { status: 'paid', orders: 2, totalCents: 5000, lastPlacedAt: new Date('2026-03-01T10:00:00Z') },
      { status: 'shipped', orders: 1, totalCents: 1200, lastPlacedAt: new Date('2026-02-01T10:00:00Z') },
      { status: 'cancelled', orders: 3, totalCents: 99_000, lastPlacedAt: new Date('2026-03-04T08:00:00Z') }
    ])
    expect(summary).toEqual({
      customerId: 'cus_x1y2',
      orders: 6,
      byStatus: { pending: 0, paid: 2, shipped: 1, cancelled: 3 },
      spentCents: 6200,
      lastOrderAt: new Date('2026-03-04T08:00:00Z')
    })
  })

  it('is all zeros without orders', () => {
    expect(summarizeCustomer('cus_x1y2', [])).toMatchObject({ orders: 0, spentCents: 0, lastOrderAt: null })
  })
})

describe('idempotent requests', () => {
  const request = { customerId: 'cus_k3y5', lines: [{ sku: 'MUG-1', quantity: 2, unitPriceCents: 900 }] }

  it('matches the same order and nothing else', () => {
    expect(isSameOrderRequest(request, structuredClone(request))).toBe(true)
    expect(isSameOrderRequest(request, { ...request, customerId: 'cus_other' })).toBe(false)
    expect(isSameOrderRequest(request, { ...request, lines: [{ sku: 'MUG-1', quantity: 3, unitPriceCents: 900 }] })).toBe(false)
    expect(isSameOrderRequest(request, { ...request, lines: [...request.lines, ...request.lines] })).toBe(false)
  })
})

describe('order events', () => {
  const order = { id: 12, customerId: 'cus_ev3nt', status: 'paid' as const, totalCents: 4200 }
  const at = new Date('2026-04-02T09:30:00Z')

  it('carries a snapshot of the order, who acted and when', () => {
    expect(orderPlaced({ ...order, status: 'pending' }, 'storefront', at)).toEqual({
      type: 'order.placed',
      orderId: 12,
      payload: { type: 'order.placed', occurredAt: '2026-04-02T09:30:00.000Z', order: { ...order, status: 'pending' }, actor: 'storefront' }
    })
    expect(orderStatusChanged(order, 'pending', undefined, at).payload).toMatchObject({ previousStatus: 'pending', actor: null })
  })

  it('copies only the snapshot fields of a richer order', () => {
    const event = orderPlaced({ ...order, archivedAt: null, lines: [] } as typeof order, 'support', at)
    expect(Object.keys(event.payload.order)).toEqual(['id', 'customerId', 'status', 'totalCents'])
  })
})

describe('retry backoff', () => {
  const policy = { baseMs: 1_000, maxMs: 60_000 }

  it('doubles its bound with each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, policy, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000])
  })

  it('waits a random part of the bound', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0)
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2_000)
  })
})

describe('outbox ordering', () => {
  it('sends an order’s event only once its earlier events are delivered', () => {
    const due = [
      { id: 1, orderId: 10 },
      { id: 2, orderId: 11 },
      { id: 3, orderId: 10 },
      { id: 5, orderId: 12 }
    ]
    // Order 12's event 4 waits for a retry, so 5 must wait too.
    const earliestPending = new Map([
      [10, 1],
      [11, 2],
      [12, 4]
    ])
    expect(deliverableInOrder(due, earliestPending).map((event) => event.id)).toEqual([1, 2])
  })
})
