import { describe, expect, it } from 'vitest'
import { InvalidPriceRangeError } from '../../src/domain/errors.js'
import { parsePriceRange } from '../../src/domain/price-range.js'

describe('parsePriceRange', () => {
  it('reads both ends, or one', () => {
    expect(parsePriceRange('1500..2500')).toEqual({ minCents: 1500, maxCents: 2500 })
    expect(parsePriceRange('1500..')).toEqual({ minCents: 1500, maxCents: undefined })
    expect(parsePriceRange('..2500')).toEqual({ minCents: undefined, maxCents: 2500 })
    expect(parsePriceRange('0..0')).toEqual({ minCents: 0, maxCents: 0 })
  })

  it('takes the ends in either order', () => {
    expect(parsePriceRange('4000..2500')).toEqual({ minCents: 2500, maxCents: 4000 })
  })

  it('refuses anything else', () => {
    for (const text of ['..', '', '15.00..25.00', '-5..10', '10-20', '1500']) {
      expect(() => parsePriceRange(text), text).toThrow(InvalidPriceRangeError)
    }
  })
})
