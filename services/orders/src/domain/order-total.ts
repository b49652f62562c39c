import { OrderTotalTooLargeError } from './errors.js'

export interface PricedLine {
  quantity: number
  unitPriceCents: number
}

/** Totals are stored as a 32-bit integer of cents (about 21 million in the currency). */
export const MAX_ORDER_TOTAL_CENTS = 2_147_483_647

/** The order's total in cents; throws rather than let a huge order overflow the stored total. */
export function orderTotal(lines: readonly PricedLine[]): number {
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0)
  if (total > MAX_ORDER_TOTAL_CENTS) throw new OrderTotalTooLargeError(MAX_ORDER_TOTAL_CENTS)
  return total
}
