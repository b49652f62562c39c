import { describe, expect, it } from 'vitest'
import { InvalidTaxRateError } from '../../src/domain/errors.js'
import { TaxRate } from '../../src/domain/tax-rate.js'

describe('TaxRate', () => {
  it.each([
    ['8.875', 8875, '8.875'],
    ['20', 20000, '20'],
    ['0.5', 500, '0.5'],
    ['7.250', 7250, '7.25'],
    ['0', 0, '0'],
    ['99.999', 99999, '99.999']
  ])('reads "%s"', (text, thousandths, written) => {
    const rate = TaxRate.parse(text)
    expect([rate.thousandths, rate.toString()]).toEqual([thousandths, written])
  })

  it.each(['', '100', '-1', '8.8755', '08.5', '8.', '.5', '8,875', 'NaN'])('refuses "%s"', (text) => {
    expect(() => TaxRate.parse(text)).toThrow(InvalidTaxRateError)
  })

  it('rounds the tax to the nearest cent, half a cent up', () => {
    const rate = TaxRate.parse('10')
    expect([rate.taxOn(0), rate.taxOn(4), rate.taxOn(5), rate.taxOn(14), rate.taxOn(15), rate.taxOn(99_999_999)]).toEqual([0, 0, 1, 1, 2, 10_000_000])
    // 8.875 % of 200 is exactly 17.75; of 1000, 88.75.
    expect([TaxRate.parse('8.875').taxOn(200), TaxRate.parse('8.875').taxOn(1000)]).toEqual([18, 89])
  })

  it('charges nothing without a rate', () => {
    expect(TaxRate.NONE.taxOn(123_456)).toBe(0)
  })
})
