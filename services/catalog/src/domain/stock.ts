import { InvalidStockAdjustmentError } from './errors.js'

export const STOCK_MOVEMENT_REASONS = ['received', 'sold', 'returned', 'damaged', 'correction'] as const

export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number]

/** Which way each reason may move the stock; a correction (a stock count) may go either way. */
const DIRECTION: Record<StockMovementReason, 'in' | 'out' | 'either'> = {
  received: 'in',
  returned: 'in',
  sold: 'out',
  damaged: 'out',
  correction: 'either'
}

export interface StockAdjustment {
  /** Signed: positive for goods in, negative for goods out; never 0. */
  quantity: number
  reason: StockMovementReason
  reference?: string
}

/** Refuses adjustments whose sign contradicts their reason, such as "received -5". */
export function assertValidAdjustment({ quantity, reason }: StockAdjustment): void {
  const direction = DIRECTION[reason]
  if (direction === 'in' && quantity < 0) throw new InvalidStockAdjustmentError(`Stock ${reason} must be a positive quantity, got ${quantity}`)
  if (direction === 'out' && quantity > 0) throw new InvalidStockAdjustmentError(`Stock ${reason} must be a negative quantity, got ${quantity}`)
}

/** Below this many units the storefront shows "only a few left". */
export const LOW_STOCK_THRESHOLD = 5

export type Availability = 'in_stock' | 'low_stock' | 'sold_out'

export function availabilityOf(stock: number): Availability {
  if (stock <= 0) return 'sold_out'
  return stock <= LOW_STOCK_THRESHOLD ? 'low_stock' : 'in_stock'
}
