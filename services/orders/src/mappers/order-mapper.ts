import type { CustomerSummary } from '../domain/customer-summary.js'
import type { Page } from '../domain/listing.js'
import type { OrderStatusChange } from '../generated/prisma/client.js'
import type { OrderWithLines } from '../repositories/orders-repository.js'
import type { CustomerSummaryResponse } from '../schemas/customers.js'
import type { OrderListResponse, OrderResponse, StatusChangeResponse } from '../schemas/orders.js'

/** The API's view of an order: no archive or idempotency bookkeeping. */
export function toOrderResponse(order: OrderWithLines): OrderResponse {
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    totalCents: order.totalCents,
    lines: order.lines.map(({ sku, quantity, unitPriceCents }) => ({ sku, quantity, unitPriceCents })),
    placedBy: order.placedBy,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString()
  }
}

export function toOrderListResponse({ items, next }: Page<OrderWithLines>): OrderListResponse {
  return { orders: items.map(toOrderResponse), next }
}

export function toStatusChangeResponse(change: OrderStatusChange): StatusChangeResponse {
  return { from: change.fromStatus, to: change.toStatus, changedBy: change.changedBy, reason: change.reason, changedAt: change.changedAt.toISOString() }
}

export function toCustomerSummaryResponse(summary: CustomerSummary): CustomerSummaryResponse {
  return { ...summary, lastOrderAt: summary.lastOrderAt?.toISOString() ?? null }
}
