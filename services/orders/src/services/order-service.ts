import type { FastifyBaseLogger } from 'fastify'
import { DomainError } from '@debug-drills/service-kit'
import { IdempotencyKeyReusedError, OrderNotFoundError, StatusChangeError } from '../domain/errors.js'
import { isSameOrderRequest, type OrderRequest } from '../domain/idempotency.js'
import { orderArchived, orderPlaced, orderStatusChanged } from '../domain/order-events.js'
import { canChangeStatus, type OrderStatus } from '../domain/order-status.js'
import { orderTotal } from '../domain/order-total.js'
import type { OrdersRepository, OrderWithLines } from '../repositories/orders-repository.js'
import { isUniqueViolation } from '../repositories/prisma-errors.js'
import type { InTransaction } from '../repositories/repositories.js'
import type { CustomerHistoryCache } from './customer-history-cache.js'

export interface PlaceOrder extends OrderRequest {
  /** The API client placing it. */
  placedBy?: string
  idempotencyKey?: string
}

export interface PlacedOrder {
  order: OrderWithLines
  /** True when an earlier request with the same `Idempotency-Key` placed it. */
  replayed: boolean
}

export interface StatusChange {
  status: OrderStatus
  reason?: string
}

/** What a batch of status changes did: each order changes on its own, so some may fail. */
export interface BatchStatusChange {
  changed: number[]
  failed: { id: number; message: string }[]
}

export interface OrderServiceDependencies {
  inTransaction: InTransaction
  orders: OrdersRepository
  historyCache: CustomerHistoryCache
  log: FastifyBaseLogger
  now?: () => Date
}

/**
 * The changes an order goes through. Each writes the order, its audit trail and the event for
 * the webhook in one transaction, then drops the customer's cached history.
 */
export function createOrderService({ inTransaction, orders, historyCache, log, now = () => new Date() }: OrderServiceDependencies) {
  function replay(earlier: OrderWithLines, request: PlaceOrder): PlacedOrder {
    if (!isSameOrderRequest(earlier, request)) throw new IdempotencyKeyReusedError(request.idempotencyKey ?? '')
    log.info({ orderId: earlier.id, idempotencyKey: request.idempotencyKey }, 'order request replayed')
    return { order: earlier, replayed: true }
  }

  async function findEarlier({ placedBy, idempotencyKey }: PlaceOrder): Promise<OrderWithLines | null> {
    if (!placedBy || !idempotencyKey) return null
    return orders.findByIdempotencyKey(placedBy, idempotencyKey)
  }

  async function place(request: PlaceOrder): Promise<PlacedOrder> {
    const totalCents = orderTotal(request.lines)
    const earlier = await findEarlier(request)
    if (earlier) return replay(earlier, request)
    const { customerId, lines, placedBy, idempotencyKey } = request
    const at = now()
    let order: OrderWithLines
    try {
      order = await inTransaction(async (tx) => {
        const created = await tx.orders.create({ customerId, lines, totalCents, placedBy, idempotencyKey })
        await tx.statusChanges.record({ orderId: created.id, toStatus: created.status, changedBy: placedBy, changedAt: at })
        for (const line of lines) await tx.stock.reserve(line.sku, line.quantity)
        await tx.outbox.add(orderPlaced(created, placedBy, at))
        return created
      })
    } catch (error) {
      // Two requests with one key at once: the other one placed it first.
      const winner = isUniqueViolation(error) ? await findEarlier(request) : null
      if (winner) return replay(winner, request)
      throw error
    }
    historyCache.invalidate(customerId)
    log.info({ orderId: order.id, customerId, totalCents, lines: lines.length }, 'order placed')
    return { order, replayed: false }
  }

  async function changeStatus(id: number, { status, reason }: StatusChange, changedBy?: string): Promise<OrderWithLines> {
    const at = now()
    const { order, from } = await inTransaction(async (tx) => {
      const current = await tx.orders.findById(id)
      if (!canChangeStatus(current.status, status)) throw new StatusChangeError(current.status, status)
      const changed = await tx.orders.changeStatus(id, current.status, status)
      if (!changed) {
        // Another request changed it since we read it: judge the change against what won.
        const winner = await tx.orders.findById(id)
        throw new StatusChangeError(winner.status, status)
      }
      await tx.statusChanges.record({ orderId: id, fromStatus: current.status, toStatus: status, changedBy, reason, changedAt: at })
      await tx.outbox.add(orderStatusChanged(changed, current.status, changedBy, at, reason))
      return { order: changed, from: current.status }
    })
    historyCache.invalidate(order.customerId)
    log.info({ orderId: id, customerId: order.customerId, from, to: status, reason }, 'order status changed')
    return order
  }

  async function archive(id: number, archivedBy?: string): Promise<void> {
    const at = now()
    const order = await inTransaction(async (tx) => {
      const current = await tx.orders.findById(id)
      if (!(await tx.orders.archive(id, at))) throw new OrderNotFoundError(id)
      await tx.outbox.add(orderArchived(current, archivedBy, at))
      return current
    })
    historyCache.invalidate(order.customerId)
    log.info({ orderId: id, customerId: order.customerId }, 'order archived')
  }

  /** Changes each order on its own: one order that cannot change does not hold up the others. */
  async function changeStatuses(ids: readonly number[], change: StatusChange, changedBy?: string): Promise<BatchStatusChange> {
    const failed: BatchStatusChange['failed'] = []
    for (const id of ids) {
      try {
        await changeStatus(id, change, changedBy)
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        failed.push({ id, message: error.message })
      }
    }
    const changed = ids.filter((id) => !failed.some((failure) => failure.id === id))
    log.info({ status: change.status, changed: changed.length, failed: failed.length }, 'batch of status changes applied')
    return { changed, failed }
  }

  return { place, changeStatus, changeStatuses, archive }
}

export type OrderService = ReturnType<typeof createOrderService>
