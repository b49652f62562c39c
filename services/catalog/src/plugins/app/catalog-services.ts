import fp from 'fastify-plugin'
import { createRepositories, createUnitOfWork } from '../../repositories/index.js'
import { createCatalogCache, type CatalogCache } from '../../services/catalog-cache.js'
import { createCategoryService, type CategoryService } from '../../services/category-service.js'
import { createOutboxService, type OutboxService } from '../../services/outbox-service.js'
import { createProductService, type ProductService } from '../../services/product-service.js'
import { createStockService, type StockService } from '../../services/stock-service.js'

declare module 'fastify' {
  interface FastifyInstance {
    catalogCache: CatalogCache
    productService: ProductService
    stockService: StockService
    categoryService: CategoryService
    outboxService: OutboxService
  }
}

export interface CatalogServicesOptions {
  cacheTtlMs: number
  cacheMaxEntries: number
}

/** The catalogue's use cases, wired to the database, the cache and the server's logger. */
export default fp<CatalogServicesOptions>(
  async (fastify, { cacheTtlMs, cacheMaxEntries }) => {
    const repositories = createRepositories(fastify.prisma)
    const unitOfWork = createUnitOfWork(fastify.prisma)
    const cache = createCatalogCache({ ttlMs: cacheTtlMs, maxEntries: cacheMaxEntries })
    const log = fastify.log.child({ component: 'catalog' })
    const dependencies = { repositories, unitOfWork, cache, log }

    fastify.decorate('catalogCache', cache)
    fastify.decorate('productService', createProductService(dependencies))
    fastify.decorate('stockService', createStockService(dependencies))
    fastify.decorate('categoryService', createCategoryService(dependencies))
    fastify.decorate('outboxService', createOutboxService(dependencies))
  },
  { name: 'catalog-services', dependencies: ['prisma'] }
)
