import { describe, expect, it } from 'vitest'
import { priceUsage, type MeterTerms } from '../../src/domain/invoice-pricing.js'
import { TaxRate } from '../../src/domain/tax-rate.js'

const listPrice = (unitPriceCents: number): MeterTerms => ({ unitPriceCents, includedUnits: 0 })

const prices = new Map([
  ['api-requests', listPrice(5)],
  ['seats', listPrice(30)],
  ['storage-gb-days', listPrice(2)]
])

describe('priceUsage', () => {
  it('prices each meter at its list price and adds them up, in meter order', () => {
    const priced = priceUsage(
      [
        { meterCode: 'seats', quantity: 10 },
        { meterCode: 'api-requests', quantity: 500 }
      ],
      prices
    )
    expect(priced).toEqual({
      lines: [
        { meterCode: 'api-requests', quantity: 500, includedUnits: 0, unitPriceCents: 5, amountCents: 2500 },
        { meterCode: 'seats', quantity: 10, includedUnits: 0, unitPriceCents: 30, amountCents: 300 }
      ],
      subtotalCents: 2800,
      taxRate: TaxRate.NONE,
      taxCents: 0,
      totalCents: 2800
    })
  })

  it('leaves out meters without usage', () => {
    expect(priceUsage([{ meterCode: 'seats', quantity: 0 }], prices)).toMatchObject({ lines: [], subtotalCents: 0, taxCents: 0, totalCents: 0 })
  })

  it('treats a meter without a price as a bug, not as free', () => {
    expect(() => priceUsage([{ meterCode: 'bananas', quantity: 1 }], prices)).toThrow('No price for meter bananas')
  })

  it('taxes the subtotal at the customer\'s rate, rounded to the cent', () => {
    const priced = priceUsage(
      [
        { meterCode: 'seats', quantity: 7 },
        { meterCode: 'api-requests', quantity: 61 }
      ],
      prices,
      TaxRate.parse('8.875')
    )
    // 210 + 305 = 515 cents; 8.875 % of it is 45.70625 cents.
    expect([priced.subtotalCents, priced.taxCents, priced.totalCents, priced.taxRate.toString()]).toEqual([515, 46, 561, '8.875'])
  })

  it('charges only the units beyond those included, and never less than nothing', () => {
    const terms = new Map([
      ['api-requests', { unitPriceCents: 5, includedUnits: 1000 }],
      ['seats', { unitPriceCents: 30, includedUnits: 5 }]
    ])
    const priced = priceUsage(
      [
        { meterCode: 'api-requests', quantity: 400 },
        { meterCode: 'seats', quantity: 12 }
      ],
      terms
    )
    expect(priced.lines).toEqual([
      { meterCode: 'api-requests', quantity: 400, includedUnits: 400, unitPriceCents: 5, amountCents: 0 },
      { meterCode: 'seats', quantity: 12, includedUnits: 5, unitPriceCents: 30, amountCents: 210 }
    ])
    expect(priced.subtotalCents).toBe(210)
  })
})
