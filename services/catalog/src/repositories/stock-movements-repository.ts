import type { Prisma } from '../generated/prisma/client.js'
import type { StockMovementReason } from '../domain/stock.js'

export interface StockMovement {
  id: number
  quantity: number
  reason: StockMovementReason
  stockAfter: number
  reference: string | null
  recordedBy: string
  recordedAt: Date
}

export interface NewStockMovement {
  productId: number
  quantity: number
  reason: StockMovementReason
  stockAfter: number
  reference?: string
  recordedBy: string
}

const columns = { id: true, quantity: true, reason: true, stockAfter: true, reference: true, recordedBy: true, recordedAt: true } as const

export function createStockMovementsRepository(db: Prisma.TransactionClient) {
  return {
    async record(movement: NewStockMovement): Promise<StockMovement> {
      return db.stockMovement.create({ data: movement, select: columns })
    },

    /** Newest first; `before` is the id of the last movement of the previous page. Reads one extra row to know whether more follow. */
    async listForProduct(productId: number, { limit, before }: { limit: number; before?: number }): Promise<StockMovement[]> {
      return db.stockMovement.findMany({
        where: { productId, ...(before === undefined ? {} : { id: { lt: before } }) },
        orderBy: { id: 'desc' },
        take: limit + 1,
        select: columns
      })
    }
  }
}

export type StockMovementsRepository = ReturnType<typeof createStockMovementsRepository>
