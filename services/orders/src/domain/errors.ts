import { DomainError } from '@debug-drills/service-kit'
import type { OrderStatus } from './order-status.js'

export class OrderNotFoundError extends DomainError {
  constructor(id: number) {
    super(`Order ${id} not found`, 404)
  }
}

export class StatusChangeError extends DomainError {
  constructor(from: OrderStatus, to: OrderStatus) {
    super(from === to ? `The order is already ${to}` : `An order that is ${from} cannot become ${to}`, 409)
  }
}

/** The same client sent the same `Idempotency-Key` for a different order. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor(key: string) {
    super(`Idempotency-Key ${key} was already used for a different order`, 422)
  }
}

export class OrderTotalTooLargeError extends DomainError {
  constructor(maxCents: number) {
    super(`The order total exceeds the largest total an order may have (${maxCents} cents); split it into several orders`, 422)
  }
}

export class OutboxEventNotFoundError extends DomainError {
  constructor(id: number) {
    super(`Outbox event ${id} not found`, 404)
  }
}

export class OutboxEventNotFailedError extends DomainError {
  constructor(id: number) {
    super(`Outbox event ${id} has not failed: only failed events can be retried`, 409)
  }
}

/** The order asks for more of a limited SKU than is left. */
export class OutOfStockError extends DomainError {
  constructor(sku: string, available: number) {
    super(available === 0 ? `${sku} is sold out` : `Only ${available} of ${sku} left`, 409)
  }
}

export class StockLevelNotFoundError extends DomainError {
  constructor(sku: string) {
    super(`${sku} is not a stocked SKU`, 404)
  }
}
