export interface AmountFormat {
  /** A BCP 47 locale, e.g. "de" or "fr-FR". */
  locale?: string
  /** An ISO 4217 code: the amount is written as money, with its symbol. */
  currency?: string
}

/** An amount held in minor units (cents), as text. Two decimals, no grouping unless it is money. */
export function formatAmount(cents: number, { locale, currency }: AmountFormat = {}): string {
  const format = currency
    ? new Intl.NumberFormat(locale, { style: 'currency', currency })
    : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false })
  return format.format(cents / 100)
}

/** A calendar date ("2026-03-04") written for readers of `locale`, e.g. "4. März 2026". */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`))
}
