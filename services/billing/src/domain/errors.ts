import { DomainError } from '@debug-drills/service-kit'

export class UnknownMeterError extends DomainError {
  constructor(code: string) {
    super(`There is no meter "${code}"`, 422)
  }
}

export class InvoiceExistsError extends DomainError {
  constructor(customerId: string, period: string) {
    super(`${customerId} already has an invoice for ${period}`, 409)
  }
}

export class PeriodOpenError extends DomainError {
  constructor(period: string) {
    super(`The billing period ${period} has not ended yet`, 409)
  }
}

export class InvoiceNotFoundError extends DomainError {
  constructor(customerId: string, period: string) {
    super(`${customerId} has no invoice for ${period}`, 404)
  }
}
