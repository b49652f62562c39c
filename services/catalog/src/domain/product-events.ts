import type { Product, ProductChanges } from './product.js'
import type { StockMovementReason } from './stock.js'

/**
 * What the catalogue tells other systems (search index, storefront cache, purchasing). Each
 * event names the SKU it is about; `data` carries what a subscriber needs without calling back.
 */
export type CatalogEvent =
  | { type: 'product.created'; sku: string; data: { name: string; category: string; priceCents: number; stock: number } }
  | { type: 'product.updated'; sku: string; data: { changes: ProductChanges; previous: ProductChanges } }
  | { type: 'product.price_changed'; sku: string; data: { oldPriceCents: number; newPriceCents: number } }
  | { type: 'product.sold_out'; sku: string; data: { category: string } }
  | { type: 'product.back_in_stock'; sku: string; data: { category: string; stock: number } }
  | { type: 'stock.adjusted'; sku: string; data: { quantity: number; reason: StockMovementReason; stockAfter: number } }

export type CatalogEventType = CatalogEvent['type']

export function productCreated(product: Product): CatalogEvent[] {
  const { sku, name, category, priceCents, stock } = product
  return [{ type: 'product.created', sku, data: { name, category, priceCents, stock } }]
}

/** The events of one edit: the edit itself, then what it means for pricing and availability. */
export function productEdited(before: Product, after: Product, changes: ProductChanges): CatalogEvent[] {
  const previous = Object.fromEntries(Object.keys(changes).map((field) => [field, before[field as keyof ProductChanges]]))
  const events: CatalogEvent[] = [{ type: 'product.updated', sku: after.sku, data: { changes, previous } }]
  if (changes.priceCents !== undefined) {
    events.push({ type: 'product.price_changed', sku: after.sku, data: { oldPriceCents: before.priceCents, newPriceCents: after.priceCents } })
  }
  return [...events, ...availabilityChanged(before, after)]
}

export function stockAdjusted(before: Product, after: Product, reason: StockMovementReason): CatalogEvent[] {
  const adjusted: CatalogEvent = { type: 'stock.adjusted', sku: after.sku, data: { quantity: after.stock - before.stock, reason, stockAfter: after.stock } }
  return [adjusted, ...availabilityChanged(before, after)]
}

/** Crossing zero in either direction is what storefronts and purchasing act on. */
function availabilityChanged(before: Product, after: Product): CatalogEvent[] {
  if (before.stock > 0 && after.stock === 0) return [{ type: 'product.sold_out', sku: after.sku, data: { category: after.category } }]
  if (before.stock === 0 && after.stock > 0) return [{ type: 'product.back_in_stock', sku: after.sku, data: { category: after.category, stock: after.stock } }]
  return []
}
