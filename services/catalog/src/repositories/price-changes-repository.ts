import type { Prisma } from '../generated/prisma/client.js'

export interface PriceChange {
  id: number
  oldPriceCents: number
  newPriceCents: number
  changedBy: string
  changedAt: Date
}

export interface NewPriceChange {
  productId: number
  oldPriceCents: number
  newPriceCents: number
  changedBy: string
}

const columns = { id: true, oldPriceCents: true, newPriceCents: true, changedBy: true, changedAt: true } as const

export function createPriceChangesRepository(db: Prisma.TransactionClient) {
  return {
    async record(change: NewPriceChange): Promise<PriceChange> {
      return db.priceChange.create({ data: change, select: columns })
    },

    /** Newest first, one extra row to tell whether another page follows. */
    async listForProduct(productId: number, { limit, before }: { limit: number; before?: number }): Promise<PriceChange[]> {
      return db.priceChange.findMany({
        where: { productId, ...(before === undefined ? {} : { id: { lt: before } }) },
        orderBy: { id: 'desc' },
        take: limit + 1,
        select: columns
      })
    }
  }
}

export type PriceChangesRepository = ReturnType<typeof createPriceChangesRepository>
