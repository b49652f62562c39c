import type { FastifyBaseLogger } from 'fastify'
import { decodeCursor, toPage, type Page } from '../domain/cursor.js'
import { InsufficientStockError } from '../domain/errors.js'
import { stockAdjusted } from '../domain/product-events.js'
import type { Product } from '../domain/product.js'
import { assertValidAdjustment, type StockAdjustment } from '../domain/stock.js'
import type { Repositories, UnitOfWork } from '../repositories/index.js'
import type { StockMovement } from '../repositories/stock-movements-repository.js'
import type { CatalogCache } from './catalog-cache.js'
import type { PageRequest } from './product-service.js'

export interface StockServiceDependencies {
  repositories: Repositories
  unitOfWork: UnitOfWork
  cache: CatalogCache
  log: FastifyBaseLogger
}

export interface AdjustedStock {
  product: Product
  movement: StockMovement
}

/**
 * Relative stock changes (goods received, sold, returned, written off), as the warehouse
 * reports them. Unlike setting the stock with PATCH, two adjustments at once both count.
 */
export function createStockService({ repositories, unitOfWork, cache, log }: StockServiceDependencies) {
  return {
    async adjust(sku: string, adjustment: StockAdjustment, actor: string): Promise<AdjustedStock> {
      assertValidAdjustment(adjustment)
      const result = await unitOfWork(async ({ products, stockMovements, outbox }) => {
        const before = await products.lockBySku(sku)
        const after = await products.adjustStock(before.id, adjustment.quantity, actor)
        if (!after) throw new InsufficientStockError(sku, before.stock, -adjustment.quantity)
        const movement = await stockMovements.record({
          productId: after.id,
          quantity: adjustment.quantity,
          reason: adjustment.reason,
          stockAfter: after.stock,
          reference: adjustment.reference,
          recordedBy: actor
        })
        await outbox.append(stockAdjusted(before, after, adjustment.reason))
        return { product: after, movement }
      })
      cache.forget(sku)
      log.info({ sku, quantity: adjustment.quantity, reason: adjustment.reason, stockAfter: result.product.stock, actor }, 'stock adjusted')
      return result
    },

    async movements(sku: string, { limit, cursor }: PageRequest): Promise<Page<StockMovement>> {
      const before = cursor === undefined ? undefined : decodeCursor(cursor)
      const product = await repositories.products.findBySku(sku)
      return toPage(await repositories.stockMovements.listForProduct(product.id, { limit, before }), limit)
    }
  }
}

export type StockService = ReturnType<typeof createStockService>
