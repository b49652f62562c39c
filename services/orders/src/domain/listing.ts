import type { OrderStatus } from './order-status.js'

/** What a listing narrows orders down to; an absent field does not narrow. */
export interface OrderFilter {
  status?: OrderStatus
  customerId?: string
}

export interface PageRequest {
  limit: number
  /** Continue after this order id: listings are newest first, so with older orders. */
  before?: number
}

export interface Page<T> {
  items: T[]
  /** The `before` of the next page, or null when this page is the last. */
  next: number | null
}

/**
 * A full page may have more after it, so its last id is where the next page starts; a short
 * page is the last. (A full last page costs the client one more, empty, request.)
 */
export function toPage<T extends { id: number }>(items: T[], { limit }: PageRequest): Page<T> {
  const last = items.at(-1)
  return { items, next: items.length === limit && last ? last.id : null }
}

/** A customer's first pages are the ones apps show; they are what is worth caching. */
export function isFirstPageOfCustomer(filter: OrderFilter, page: PageRequest): filter is OrderFilter & { customerId: string } {
  return filter.customerId !== undefined && page.before === undefined
}
