import fp from 'fastify-plugin'
import { pickDefined } from '../domain/pick-defined.js'
import { ProductNotFoundError, SkuTakenError } from '../domain/errors.js'
import { Prisma, type Product } from '../generated/prisma/client.js'

export interface NewProduct {
  sku: string
  name: string
  description?: string
  category: string
  priceCents: number
  stock?: number
}

export interface ProductChanges {
  name?: string
  description?: string
  category?: string
  priceCents?: number
  stock?: number
  active?: boolean
}

export interface ProductFilter {
  category?: string
  inStock?: boolean
  limit: number
  after?: string
}

export interface CategorySummary {
  category: string
  productCount: number
}

declare module 'fastify' {
  interface FastifyInstance {
    productsRepository: ReturnType<typeof createProductsRepository>
  }
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code
}

export function createProductsRepository(prisma: Prisma.TransactionClient) {
  return {
    async create(product: NewProduct): Promise<Product> {
      try {
        return await prisma.product.create({ data: product })
      } catch (error) {
        if (hasCode(error, 'P2002')) throw new SkuTakenError(product.sku)
        throw error
      }
    },

    async findBySku(sku: string): Promise<Product> {
      const product = await prisma.product.findUnique({ where: { sku } })
      if (!product) throw new ProductNotFoundError(sku)
      return product
    },

    /** The storefront listing: active products only, ordered by SKU, paged with `after`. */
    async listActive({ category, inStock, limit, after }: ProductFilter): Promise<Product[]> {
      return prisma.product.findMany({
        where: {
          active: true,
          ...(category ? { category } : {}),
          ...(inStock ? { stock: { gt: 0 } } : {}),
          ...(after ? { sku: { gt: after } } : {})
        },
        orderBy: { sku: 'asc' },
        take: limit
      })
    },

    async update(sku: string, changes: ProductChanges): Promise<Product> {
      // Only fields the API allows to change; anything else in the input is ignored.
      const data = pickDefined({
        name: changes.name,
        description: changes.description,
        category: changes.category,
        priceCents: changes.priceCents,
        stock: changes.stock,
        active: changes.active
      })
      try {
        return await prisma.product.update({ where: { sku }, data })
      } catch (error) {
        if (hasCode(error, 'P2025')) throw new ProductNotFoundError(sku)
        throw error
      }
    },

    async categories(): Promise<CategorySummary[]> {
      const groups = await prisma.product.groupBy({
        by: ['category'],
        where: { active: true },
        _count: { _all: true },
        orderBy: { category: 'asc' }
      })
      return groups.map((group) => ({ category: group.category, productCount: group._count._all }))
    }
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('productsRepository', createProductsRepository(fastify.prisma))
  },
  { name: 'products-repository', dependencies: ['prisma'] }
)
