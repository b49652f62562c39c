import { DomainError } from '@debug-drills/service-kit'

// Every failure a client can act on, with its HTTP status. The shared error handler answers
// them; nothing else in the service maps errors to statuses.

export class InvalidPeriodError extends DomainError {
  constructor(label: string) {
    super(`"${label}" is not a billing period; write a calendar month as YYYY-MM`, 400)
  }
}

export class InvalidCursorError extends DomainError {
  constructor() {
    super('The cursor is not one this service handed out; start again from the first page', 400)
  }
}

export class UnknownMeterError extends DomainError {
  constructor(code: string) {
    super(`There is no meter "${code}"`, 422)
  }
}

export class MeterNotFoundError extends DomainError {
  constructor(code: string) {
    super(`There is no meter "${code}"`, 404)
  }
}

export class MeterExistsError extends DomainError {
  constructor(code: string) {
    super(`The meter "${code}" exists already`, 409)
  }
}

export class UsageInFutureError extends DomainError {
  constructor(occurredAt: Date) {
    super(`Usage at ${occurredAt.toISOString()} has not happened yet`, 422)
  }
}

export class PeriodInvoicedError extends DomainError {
  constructor(customerId: string, period: string) {
    super(`${customerId} has been invoiced for ${period} already; usage for it can no longer be recorded`, 409)
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor(key: string) {
    super(`The idempotency key "${key}" was used for different usage`, 409)
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

export class InvoiceTransitionError extends DomainError {
  constructor(customerId: string, period: string, from: string, action: string) {
    super(`The ${period} invoice of ${customerId} is ${from} and cannot be ${action}`, 409)
  }
}

export class InvalidDayRangeError extends DomainError {
  constructor(message: string) {
    super(message, 400)
  }
}

export class InvalidTaxRateError extends DomainError {
  constructor(text: string) {
    super(`"${text}" is not a tax rate; write a percentage from 0 to 99.999 with at most three decimals, such as "8.875"`, 400)
  }
}
