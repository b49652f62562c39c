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
