import type { PricedLine } from './order-total.js'

export interface OrderRequest {
  customerId: string
  lines: readonly (PricedLine & { sku: string })[]
}

/**
 * Whether a retried request asks for the order an earlier one placed. A client that reuses an
 * `Idempotency-Key` for another order has a bug; replaying the old order would hide it.
 */
export function isSameOrderRequest(earlier: OrderRequest, retried: OrderRequest): boolean {
  if (earlier.customerId !== retried.customerId || earlier.lines.length !== retried.lines.length) return false
  return earlier.lines.every((line, index) => {
    const other = retried.lines[index]
    return other !== undefined && line.sku === other.sku && line.quantity === other.quantity && line.unitPriceCents === other.unitPriceCents
  })
}
