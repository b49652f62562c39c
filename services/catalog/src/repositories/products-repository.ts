import { Prisma } from '../generated/prisma/client.js'
import { ProductNotFoundError, SkuTakenError } from '../domain/errors.js'
import type { CategorySummary } from '../domain/categories.js'
import type { NewProduct, Product, ProductChanges } from '../domain/product.js'

export interface StorefrontFilter {
  category?: string
  inStock?: boolean
  /** Both ends included. */
  minPriceCents?: number
  maxPriceCents?: number
  limit: number
  /** The last SKU of the previous page. */
  after?: string
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code
}

export function createProductsRepository(db: Prisma.TransactionClient) {
  return {
    async create(product: NewProduct, actor: string): Promise<Product> {
      try {
        return await db.product.create({ data: { ...product, createdBy: actor, updatedBy: actor } })
      } catch (error) {
        if (hasCode(error, 'P2002')) throw new SkuTakenError(product.sku)
        throw error
      }
    },

    async findBySku(sku: string): Promise<Product> {
      const product = await db.product.findUnique({ where: { sku } })
      if (!product) throw new ProductNotFoundError(sku)
      return product
    },

    /**
     * Reads a product and locks its row until the transaction ends, so edits of the same
     * product from several back-office tabs apply one after the other, each to the latest row.
     */
    async lockBySku(sku: string): Promise<Product> {
      const locked = await db.$queryRaw<{ id: number }[]>`SELECT id FROM products WHERE sku = ${sku} FOR UPDATE`
      const id = locked[0]?.id
      if (id === undefined) throw new ProductNotFoundError(sku)
      return db.product.findUniqueOrThrow({ where: { id } })
    },

    /** The storefront listing: active products only, ordered by SKU, paged with `after`. */
    async listActive({ category, inStock, minPriceCents, maxPriceCents, limit, after }: StorefrontFilter): Promise<Product[]> {
      return db.product.findMany({
        where: {
          active: true,
          ...(category ? { category } : {}),
          ...(inStock ? { stock: { gt: 0 } } : {}),
          ...(minPriceCents === undefined && maxPriceCents === undefined ? {} : { priceCents: { gte: minPriceCents, lte: maxPriceCents } }),
          ...(after ? { sku: { gt: after } } : {})
        },
        orderBy: { sku: 'asc' },
        take: limit
      })
    },

    /** Writes only the given fields, so concurrent edits of other fields are not overwritten. */
    async update(id: number, changes: ProductChanges, actor: string): Promise<Product> {
      return db.product.update({ where: { id }, data: { ...changes, updatedBy: actor } })
    },

    /**
     * Moves the stock by `quantity` in one statement, refusing to go below zero. Returns null
     * when there is not enough stock, so the caller can say how much there was.
     */
    async adjustStock(id: number, quantity: number, actor: string): Promise<Product | null> {
      const { count } = await db.product.updateMany({
        where: { id, stock: { gte: -quantity } },
        data: { stock: { increment: quantity }, updatedBy: actor }
      })
      return count === 0 ? null : db.product.findUniqueOrThrow({ where: { id } })
    },

    /** Active products per category, A to Z in the database's collation. */
    async categories(): Promise<CategorySummary[]> {
      const groups = await db.product.groupBy({
        by: ['category'],
        where: { active: true },
        _count: { _all: true },
        orderBy: { category: 'asc' }
      })
      return groups.map((group) => ({ category: group.category, productCount: group._count._all }))
    }
  }
}

export type ProductsRepository = ReturnType<typeof createProductsRepository>
