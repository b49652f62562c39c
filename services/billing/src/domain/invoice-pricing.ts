import { TaxRate } from './tax-rate.js'

/** How much of one meter a customer used in a period. */
export interface MeterUsage {
  meterCode: string
  quantity: number
}

/** What a customer pays for one meter: the price per unit, and the units each period includes free of charge. */
export interface MeterTerms {
  unitPriceCents: number
  includedUnits: number
}

export interface PricedLine {
  meterCode: string
  quantity: number
  /** The units of `quantity` not charged for. */
  includedUnits: number
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
 * Prices a period's usage on the given terms: one line per meter, in meter order, and no line
 * for a meter that was not used. A line charges the units beyond the included ones; line
 * amounts are whole cents; the tax, at the customer's rate, is rounded to the cent (see the
 * README, "Tax").
 */
export function priceUsage(usage: readonly MeterUsage[], terms: ReadonlyMap<string, MeterTerms>, taxRate: TaxRate = TaxRate.NONE): PricedUsage {
  const lines = usage
    .filter(({ quantity }) => quantity > 0)
    .map(({ meterCode, quantity }) => {
      const meterTerms = terms.get(meterCode)
      // Usage references meters through a foreign key, so a missing price is a broken invariant.
      if (meterTerms === undefined) throw new Error(`No price for meter ${meterCode}`)
      const { unitPriceCents } = meterTerms
      const includedUnits = Math.min(quantity, meterTerms.includedUnits)
      return { meterCode, quantity, includedUnits, unitPriceCents, amountCents: (quantity - includedUnits) * unitPriceCents }
    })
    .sort((a, b) => a.meterCode.localeCompare(b.meterCode))
  const subtotalCents = sum(lines.map((line) => line.amountCents))
  const taxCents = taxRate.taxOn(subtotalCents)
  return { lines, subtotalCents, taxRate, taxCents, totalCents: subtotalCents + taxCents }
}
