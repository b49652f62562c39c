import { InvalidPriceRangeError } from './errors.js'

/** Prices in whole cents, both ends included; an absent end leaves that side open. */
export interface PriceRange {
  minCents?: number
  maxCents?: number
}

const RANGE = /^(\d{0,8})\.\.(\d{0,8})$/

/**
 * Reads the storefront's price filter, `min..max` in cents: `500..2500`, `500..` (from 5.00)
 * or `..2500` (up to 25.00). The price slider can be dragged past its other handle, so the
 * ends may come in either order.
 */
export function parsePriceRange(text: string): PriceRange {
  const match = RANGE.exec(text)
  if (!match || (match[1] === '' && match[2] === '')) throw new InvalidPriceRangeError(text)
  const [from, to] = [match[1], match[2]].map((end) => (end ? Number(end) : undefined))
  const [low, high] = from !== undefined && to !== undefined && from > to ? [to, from] : [from, to]
  return { minCents: low, maxCents: high }
}
