import { OutOfStockError, ProductNotSoldError, UnknownProductError } from './checkout-errors.js'

/** A product as checkout needs it from catalog: what it costs now and how many can be delivered. */
export interface CatalogProduct {
  sku: string
  name: string
  /** Catalog's current price in whole cents; 0 is a free item. */
  unitPriceCents: number
  /** Units catalog can deliver now. */
  inStock: number
  /** Discontinued products stay readable in catalog but are no longer sold. */
  active: boolean
}

export interface CartItem {
  sku: string
  quantity: number
}

export interface CheckoutLine {
  sku: string
  quantity: number
  unitPriceCents: number
}

/** The SKUs of a cart, each once, in the order they first appear. */
export function skusOf(items: readonly CartItem[]): string[] {
  return [...new Set(items.map((item) => item.sku))]
}

/**
 * The order lines of a cart at catalog's current prices, in the cart's order. Lines of one SKU
 * count together against its stock; the first problem found is thrown: an unknown SKU or a
 * discontinued product (422) before a shortage (409).
 */
export function priceCart(items: readonly CartItem[], products: ReadonlyMap<string, CatalogProduct | null>): CheckoutLine[] {
  const wanted = new Map<string, number>()
  for (const { sku, quantity } of items) {
    const product = products.get(sku)
    if (!product) throw new UnknownProductError(sku)
    if (!product.active) throw new ProductNotSoldError(sku)
    wanted.set(sku, (wanted.get(sku) ?? 0) + quantity)
  }
  for (const [sku, quantity] of wanted) {
    const { inStock } = products.get(sku) as CatalogProduct
    if (inStock < quantity) throw new OutOfStockError(sku, inStock)
  }
  return items.map(({ sku, quantity }) => ({ sku, quantity, unitPriceCents: (products.get(sku) as CatalogProduct).unitPriceCents }))
}
