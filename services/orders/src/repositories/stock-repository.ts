import { OutOfStockError } from '../domain/errors.js'
import type { Prisma, StockLevel } from '../generated/prisma/client.js'

export function createStockRepository(prisma: Prisma.TransactionClient) {
  return {
    async find(sku: string): Promise<StockLevel | null> {
      return prisma.stockLevel.findUnique({ where: { sku } })
    },

    /** Starts tracking the SKU, or replaces its count after a stocktake or a delivery. */
    async set(sku: string, available: number): Promise<StockLevel> {
      return prisma.stockLevel.upsert({ where: { sku }, create: { sku, available }, update: { available } })
    },

    /**
     * Takes `quantity` units of a limited SKU for an order, or throws when fewer are left. A SKU
     * without a stock level is not limited.
     */
    async reserve(sku: string, quantity: number): Promise<void> {
      const { count } = await prisma.stockLevel.updateMany({
        where: { sku, available: { gte: quantity } },
        data: { available: { decrement: quantity } }
      })
      if (count === 1) return
      const level = await prisma.stockLevel.findUnique({ where: { sku } })
      if (level) throw new OutOfStockError(sku, level.available)
    }
  }
}

export type StockRepository = ReturnType<typeof createStockRepository>
