import type { FastifyBaseLogger } from 'fastify'
import { CheckoutOffError } from '../domain/checkout-errors.js'
import { priceCart, skusOf, type CartItem, type CatalogProduct } from '../domain/checkout.js'
import type { CatalogClient } from '../clients/catalog-client.js'
import type { OrderService, PlacedOrder } from './order-service.js'

export interface Checkout {
  customerId: string
  items: readonly CartItem[]
  /** The API client checking out. */
  placedBy?: string
  idempotencyKey?: string
}

export interface CheckoutServiceDependencies {
  /** Absent when CATALOG_URL is not set: checkout is off. */
  catalog?: CatalogClient
  orderService: OrderService
  log: FastifyBaseLogger
}

/**
 * Turns a cart into an order at catalog's current prices, once catalog confirms every product
 * is sold and in stock. Placing the order itself (totals, idempotency, audit, outbox) is the
 * order service's.
 */
export function createCheckoutService({ catalog, orderService, log }: CheckoutServiceDependencies) {
  async function checkout({ customerId, items, placedBy, idempotencyKey }: Checkout): Promise<PlacedOrder> {
    if (!catalog) throw new CheckoutOffError()
    const skus = skusOf(items)
    const found = await Promise.all(skus.map(async (sku) => [sku, await catalog.product(sku)] as const))
    const products = new Map<string, CatalogProduct | null>(found)
    const lines = priceCart(items, products)
    const placed = await orderService.place({ customerId, lines, placedBy, idempotencyKey })
    log.info({ orderId: placed.order.id, customerId, skus: skus.length, replayed: placed.replayed }, 'checkout placed an order')
    return placed
  }

  return { checkout }
}

export type CheckoutService = ReturnType<typeof createCheckoutService>
