import type { FastifyBaseLogger } from 'fastify'
import { summarizeCustomer, type CustomerSummary } from '../domain/customer-summary.js'
import { isFirstPageOfCustomer, toPage, type OrderFilter, type Page, type PageRequest } from '../domain/listing.js'
import type { OrdersRepository, OrderWithLines } from '../repositories/orders-repository.js'
import type { StatusChangesRepository } from '../repositories/status-changes-repository.js'
import type { OrderStatusChange } from '../generated/prisma/client.js'
import type { CustomerHistoryCache } from './customer-history-cache.js'

export interface OrderQueriesDependencies {
  orders: OrdersRepository
  statusChanges: StatusChangesRepository
  historyCache: CustomerHistoryCache
  log: FastifyBaseLogger
}

/** Reads: single orders, listings (a customer's first page from the cache), audit trails, summaries. */
export function createOrderQueries({ orders, statusChanges, historyCache, log }: OrderQueriesDependencies) {
  return {
    async list(filter: OrderFilter, page: PageRequest): Promise<Page<OrderWithLines>> {
      if (!isFirstPageOfCustomer(filter, page)) return toPage(await orders.list(filter, page), page)
      const items = await historyCache.getOrLoad(filter.customerId, filter, page, () => {
        log.debug({ customerId: filter.customerId, status: filter.status, limit: page.limit }, 'order history not cached, loading it')
        return orders.list(filter, page)
      })
      return toPage(items, page)
    },

    get(id: number): Promise<OrderWithLines> {
      return orders.findById(id)
    },

    /** The order's audit trail, oldest first; not found like the order itself once archived. */
    async statusChanges(id: number): Promise<OrderStatusChange[]> {
      await orders.findById(id)
      return statusChanges.forOrder(id)
    },

    async customerSummary(customerId: string): Promise<CustomerSummary> {
      return summarizeCustomer(customerId, await orders.statusTotals(customerId))
    }
  }
}

export type OrderQueries = ReturnType<typeof createOrderQueries>
