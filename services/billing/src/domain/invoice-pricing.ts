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
  totalCents: number
}

/**
 * Prices a period's usage at the given list prices: one line per meter, in meter order, and
 * no line for a meter that was not used. Amounts are whole cents, so no rounding is involved.
 */
export function priceUsage(usage: readonly MeterUsage[], unitPrices: ReadonlyMap<string, number>): PricedUsage {
  const lines = usage
    .filter(({ quantity }) => quantity > 0)
    .map(({ meterCode, quantity }) => {
      const unitPriceCents = unitPrices.get(meterCode)
      // Usage references meters through a foreign key, so a missing price is a broken invariant.
      if (unitPriceCents === undefined) throw new Error(`No price for meter ${meterCode}`)
      return { meterCode, quantity, unitPriceCents, amountCents: quantity * unitPriceCents }
    })
    .sort((a, b) => a.meterCode.localeCompare(b.meterCode))
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0) }
}
