import { describe, expect, it } from 'vitest'
import { InvalidStockAdjustmentError } from '../../src/domain/errors.js'
import { assertValidAdjustment, availabilityOf, LOW_STOCK_THRESHOLD } from '../../src/domain/stock.js'

describe('assertValidAdjustment', () => {
  it('accepts goods in as positive and goods out as negative quantities', () => {
    expect(() => assertValidAdjustment({ quantity: 24, reason: 'received' })).not.toThrow()
    expect(() => assertValidAdjustment({ quantity: 1, reason: 'returned' })).not.toThrow()
    expect(() => assertValidAdjustment({ quantity: -3, reason: 'sold' })).not.toThrow()
    expect(() => assertValidAdjustment({ quantity: -1, reason: 'damaged' })).not.toThrow()
  })

  it('lets a stock count correct in either direction', () => {
    expect(() => assertValidAdjustment({ quantity: -7, reason: 'correction' })).not.toThrow()
    expect(() => assertValidAdjustment({ quantity: 7, reason: 'correction' })).not.toThrow()
  })

  it('refuses a quantity whose sign contradicts the reason', () => {
    expect(() => assertValidAdjustment({ quantity: -5, reason: 'received' })).toThrow(InvalidStockAdjustmentError)
    expect(() => assertValidAdjustment({ quantity: 2, reason: 'sold' })).toThrow(/must be a negative quantity/)
  })
})

describe('availabilityOf', () => {
  it('is low just at the threshold and in stock above it', () => {
    expect(availabilityOf(LOW_STOCK_THRESHOLD)).toBe('low_stock')
    expect(availabilityOf(LOW_STOCK_THRESHOLD + 1)).toBe('in_stock')
    expect(availabilityOf(1)).toBe('low_stock')
  })

  it('is sold out with nothing left', () => {
    expect(availabilityOf(0)).toBe('sold_out')
  })
})
