import fp from 'fastify-plugin'
import { NoCache, TtlCache } from '../../lib/ttl-cache.js'
import { createCustomerHistoryCache, type CustomerPages } from '../../services/customer-history-cache.js'
import { createOrderQueries, type OrderQueries } from '../../services/order-queries.js'
import { createOrderService, type OrderService } from '../../services/order-service.js'
import { createStockService, type StockService } from '../../services/stock-service.js'

declare module 'fastify' {
  interface FastifyInstance {
    orderService: OrderService
    orderQueries: OrderQueries
    stockService: StockService
  }
}

export interface OrderServicesOptions {
  cache: { ttlMs: number; maxCustomers: number }
}

/** The order use cases, sharing one cache of customers' histories, and the stock orders take from. */
export default fp<OrderServicesOptions>(
  async (fastify, { cache: { ttlMs, maxCustomers } }) => {
    const historyCache = createCustomerHistoryCache(
      ttlMs > 0 ? new TtlCache<string, CustomerPages>({ ttlMs, maxEntries: maxCustomers }) : new NoCache<string, CustomerPages>()
    )
    const { orders, statusChanges, stock } = fastify.repositories
    const log = fastify.log.child({ module: 'orders' })
    fastify.decorate('orderService', createOrderService({ inTransaction: fastify.inTransaction, orders, historyCache, log }))
    fastify.decorate('orderQueries', createOrderQueries({ orders, statusChanges, historyCache, log }))
    fastify.decorate('stockService', createStockService({ stock }))
  },
  { name: 'order-services', dependencies: ['repositories'] }
)
