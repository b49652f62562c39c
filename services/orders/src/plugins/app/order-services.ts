import fp from 'fastify-plugin'
import { NoCache, TtlCache } from '../../lib/ttl-cache.js'
import { createCustomerHistoryCache, type CustomerPages } from '../../services/customer-history-cache.js'
import { createOrderQueries, type OrderQueries } from '../../services/order-queries.js'
import { createOrderService, type OrderService } from '../../services/order-service.js'

declare module 'fastify' {
  interface FastifyInstance {
    orderService: OrderService
    orderQueries: OrderQueries
  }
}

export interface OrderServicesOptions {
  cache: { ttlMs: number; maxCustomers: number }
}

/** The order use cases, sharing one cache of customers' histories. */
export default fp<OrderServicesOptions>(
  async (fastify, { cache: { ttlMs, maxCustomers } }) => {
    const historyCache = createCustomerHistoryCache(
      ttlMs > 0 ? new TtlCache<string, CustomerPages>({ ttlMs, maxEntries: maxCustomers }) : new NoCache<string, CustomerPages>()
    )
    const { orders, statusChanges } = fastify.repositories
    const log = fastify.log.child({ module: 'orders' })
    fastify.decorate('orderService', createOrderService({ inTransaction: fastify.inTransaction, orders, historyCache, log }))
    fastify.decorate('orderQueries', createOrderQueries({ orders, statusChanges, historyCache, log }))
  },
  { name: 'order-services', dependencies: ['repositories'] }
)
