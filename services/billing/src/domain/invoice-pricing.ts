import { TaxRate } from './tax-rate.js'

/** How much of one meter a customer used in a period. */
export interface MeterUsage {
  meterCode: string
  quantity: number
}

export interface PricedLine {
  meterCode: string
  quantity: number
  unitPriceCents: number
  amountCents: number
}

export interface PricedUsage {
  lines: PricedLine[]
  subtotalCents: number
  taxRate: TaxRate
  taxCents: number
  totalCents: number
}

const sum = (amounts: readonly number[]) => amounts.reduce((total, amount) => total + amount, 0)

/**
 * Prices a period's usage at the given list prices: one line per meter, in meter order, and
 * no line for a meter that was not used. Line amounts are whole cents; the tax, at the
 * customer's rate, is rounded to the cent (see the README, "Tax").
 */
export function priceUsage(usage: readonly MeterUsage[], unitPrices: ReadonlyMap<string, number>, taxRate: TaxRate = TaxRate.NONE): PricedUsage {
  const lines = usage
    .filter(({ quantity }) => quantity > 0)
    .map(({ meterCode, quantity }) => {
      const unitPriceCents = unitPrices.get(meterCode)
      // Usage references meters through a foreign key, so a missing price is a broken invariant.
      if (unitPriceCents === undefined) throw new Error(`No price for meter ${meterCode}`)
      return { meterCode, quantity, unitPriceCents, amountCents: quantity * unitPriceCents }
    })
    .sort((a, b) => a.meterCode.localeCompare(b.meterCode))
  const subtotalCents = sum(lines.map((line) => line.amountCents))
  const taxCents = taxRate.taxOn(subtotalCents)
  return { lines, subtotalCents, taxRate, taxCents, totalCents: subtotalCents + taxCents }
}
