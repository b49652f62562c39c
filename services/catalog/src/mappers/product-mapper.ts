import type { Product } from '../domain/product.js'
import { availabilityOf } from '../domain/stock.js'
import type { PriceChange } from '../repositories/price-changes-repository.js'
import type { PriceChangeResponse, ProductResponse } from '../schemas/products.js'

/** The public shape of a product: no database ids, dates as ISO strings, availability spelled out. */
export function toProductResponse(product: Product): ProductResponse {
  return {
    sku: product.sku,
    name: product.name,
    description: product.description,
    category: product.category,
    priceCents: product.priceCents,
    stock: product.stock,
    availability: availabilityOf(product.stock),
    active: product.active,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    updatedBy: product.updatedBy
  }
}

export function toPriceChangeResponse(change: PriceChange): PriceChangeResponse {
  return {
    oldPriceCents: change.oldPriceCents,
    newPriceCents: change.newPriceCents,
    changedBy: change.changedBy,
    changedAt: change.changedAt.toISOString()
  }
}
