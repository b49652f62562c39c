import type { FastifyBaseLogger } from 'fastify'
import { decodeCursor, toPage, type Page } from '../domain/cursor.js'
import { parsePriceRange } from '../domain/price-range.js'
import { changedFields, hasChanges } from '../domain/product-changes.js'
import { productCreated, productEdited } from '../domain/product-events.js'
import type { NewProduct, Product, ProductChanges } from '../domain/product.js'
import { readThrough } from '../lib/ttl-cache.js'
import type { Repositories, UnitOfWork } from '../repositories/index.js'
import type { PriceChange } from '../repositories/price-changes-repository.js'
import type { CatalogCache } from './catalog-cache.js'

export interface ProductServiceDependencies {
  repositories: Repositories
  unitOfWork: UnitOfWork
  cache: CatalogCache
  log: FastifyBaseLogger
}

export interface StorefrontQuery {
  category?: string
  inStock?: boolean
  /** `min..max` in cents, as the storefront's price filter sends it. */
  price?: string
  limit: number
  after?: string
}

export interface PageRequest {
  limit: number
  cursor?: string
}

export function createProductService({ repositories, unitOfWork, cache, log }: ProductServiceDependencies) {
  return {
    /** Creates a product; its opening stock is booked as received, so the stock history adds up. */
    async create(input: NewProduct, actor: string): Promise<Product> {
      const product = await unitOfWork(async ({ products, stockMovements, outbox }) => {
        const created = await products.create(input, actor)
        if (created.stock > 0) {
          await stockMovements.record({
            productId: created.id,
            quantity: created.stock,
            reason: 'received',
            stockAfter: created.stock,
            reference: 'opening stock',
            recordedBy: actor
          })
        }
        await outbox.append(productCreated(created))
        return created
      })
      cache.forget(product.sku)
      log.info({ sku: product.sku, category: product.category, actor }, 'product created')
      return product
    },

    async get(sku: string): Promise<Product> {
      return readThrough(cache.products, sku, () => repositories.products.findBySku(sku))
    },

    async listStorefront({ price, ...query }: StorefrontQuery): Promise<Product[]> {
      const range = price === undefined ? {} : parsePriceRange(price)
      return repositories.products.listActive({ ...query, minPriceCents: range.minCents, maxPriceCents: range.maxCents })
    },

    /**
     * Applies a partial edit. The row is locked first, so concurrent edits queue up and each
     * compares against the latest version; only the fields that change are written, recorded
     * in the price and stock history and announced to subscribers.
     */
    async update(sku: string, requested: ProductChanges, actor: string): Promise<Product> {
      const { product, changes } = await unitOfWork(async ({ products, stockMovements, priceChanges, outbox }) => {
        const current = await products.lockBySku(sku)
        const changes = changedFields(current, requested)
        if (!hasChanges(changes)) return { product: current, changes }

        const updated = await products.update(current.id, changes, actor)
        if (changes.stock !== undefined) {
          await stockMovements.record({
            productId: updated.id,
            quantity: updated.stock - current.stock,
            reason: 'correction',
            stockAfter: updated.stock,
            recordedBy: actor
          })
        }
        if (changes.priceCents !== undefined) {
          await priceChanges.record({ productId: updated.id, oldPriceCents: current.priceCents, newPriceCents: updated.priceCents, changedBy: actor })
        }
        await outbox.append(productEdited(current, updated, changes))
        return { product: updated, changes }
      })

      if (hasChanges(changes)) {
        cache.forget(sku)
        log.info({ sku, fields: Object.keys(changes), actor }, 'product updated')
      } else {
        // Back-office forms resend every field; an edit that matches the product is routine.
        log.debug({ sku, actor }, 'product edit changed nothing')
      }
      return product
    },

    async priceHistory(sku: string, { limit, cursor }: PageRequest): Promise<Page<PriceChange>> {
      const before = cursor === undefined ? undefined : decodeCursor(cursor)
      const product = await repositories.products.findBySku(sku)
      return toPage(await repositories.priceChanges.listForProduct(product.id, { limit, before }), limit)
    }
  }
}

export type ProductService = ReturnType<typeof createProductService>
