import { isSettled, ORDER_STATUSES, type OrderStatus } from './order-status.js'

/** One row per status the customer has orders in, as the database aggregates them. */
export interface StatusTotals {
  status: OrderStatus
  orders: number
  totalCents: number
  lastPlacedAt: Date | null
}

export interface CustomerSummary {
  customerId: string
  orders: number
  byStatus: Record<OrderStatus, number>
  /** What the customer has paid for and kept: paid and shipped orders. */
  spentCents: number
  lastOrderAt: Date | null
}

function later(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b
  return a > b ? a : b
}

export function summarizeCustomer(customerId: string, rows: readonly StatusTotals[]): CustomerSummary {
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as Record<OrderStatus, number>
  let spentCents = 0
  let lastOrderAt: Date | null = null
  for (const row of rows) {
    byStatus[row.status] += row.orders
    if (isSettled(row.status)) spentCents += row.totalCents
    lastOrderAt = later(lastOrderAt, row.lastPlacedAt)
  }
  const orders = Object.values(byStatus).reduce((sum, count) => sum + count, 0)
  return { customerId, orders, byStatus, spentCents, lastOrderAt }
}
