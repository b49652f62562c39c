import { StockLevelNotFoundError } from '../domain/errors.js'
import type { StockLevel } from '../generated/prisma/client.js'
import type { StockRepository } from '../repositories/stock-repository.js'

/** Stock of the limited SKUs: read it, or set it after a delivery or a stocktake. Orders take from it. */
export function createStockService({ stock }: { stock: StockRepository }) {
  return {
    async level(sku: string): Promise<StockLevel> {
      const level = await stock.find(sku)
      if (!level) throw new StockLevelNotFoundError(sku)
      return level
    },

    set(sku: string, available: number): Promise<StockLevel> {
      return stock.set(sku, available)
    }
  }
}

export type StockService = ReturnType<typeof createStockService>
