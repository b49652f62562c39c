export interface PricedLine {
  quantity: number
  unitPriceCents: number
}

export function orderTotal(lines: readonly PricedLine[]): number {
  return lines.reduce((total, line) => total + line.quantity * line.unitPriceCents, 0)
}
