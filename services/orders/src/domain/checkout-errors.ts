import { DomainError } from '@debug-drills/service-kit'

export class UnknownProductError extends DomainError {
  constructor(sku: string) {
    super(`There is no product ${sku} in the catalogue`, 422)
  }
}

export class ProductNotSoldError extends DomainError {
  constructor(sku: string) {
    super(`${sku} is no longer sold`, 422)
  }
}

export class OutOfStockError extends DomainError {
  constructor(sku: string, inStock: number) {
    super(inStock > 0 ? `Only ${inStock} of ${sku} left` : `${sku} is sold out`, 409)
  }
}

/** Catalog could not be asked (down, too slow, or refusing us): nothing was ordered, the cart may be sent again. */
export class CatalogUnavailableError extends DomainError {
  constructor(reason: string) {
    super(`Prices and stock could not be checked with the catalogue (${reason}); nothing was ordered, please try again`, 503)
  }
}

/** Checkout needs catalog; without CATALOG_URL it is off. */
export class CheckoutOffError extends DomainError {
  constructor() {
    super('Checkout is not available: this instance is not connected to the catalogue (CATALOG_URL)', 503)
  }
}
