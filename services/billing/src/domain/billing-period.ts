export interface BillingPeriod {
  /** First instant of the period. */
  start: Date
  /** First instant after the period. */
  end: Date
}

/** A billing period is a calendar month, written "YYYY-MM". */
export function billingPeriod(period: string): BillingPeriod {
  const [year, month] = period.split('-').map(Number) as [number, number]
  return { start: new Date(year, month - 1, 1), end: new Date(year, month, 1) }
}
