import { DomainError } from '@debug-drills/service-kit'

export class ProductNotFoundError extends DomainError {
  constructor(sku: string) {
    super(`Product ${sku} not found`, 404)
  }
}

export class SkuTakenError extends DomainError {
  constructor(sku: string) {
    super(`A product with SKU ${sku} already exists`, 409)
  }
}

export class InsufficientStockError extends DomainError {
  constructor(sku: string, available: number, requested: number) {
    super(`Product ${sku} has ${available} in stock; cannot take out ${requested}`, 409)
  }
}

export class InvalidStockAdjustmentError extends DomainError {
  constructor(message: string) {
    super(message, 422)
  }
}

export class InvalidCursorError extends DomainError {
  constructor() {
    super('The cursor is not valid; start again from the first page', 400)
  }
}

export class OutboxEventNotFoundError extends DomainError {
  constructor(id: number) {
    super(`Outbox event ${id} not found`, 404)
  }
}

export class OutboxEventNotFailedError extends DomainError {
  constructor(id: number) {
    super(`Outbox event ${id} has not failed; only failed events can be retried`, 409)
  }
}

export class InvalidPriceRangeError extends DomainError {
  constructor(range: string) {
    super(`The price range ${range} is not valid; send min..max in cents, either end may be left out`, 400)
  }
}

export class CategoryNotFoundError extends DomainError {
  constructor(category: string) {
    super(`Category ${category} has no active products`, 404)
  }
}
