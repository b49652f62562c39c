import { DomainError } from '@debug-drills/service-kit'

// Every failure a client can act on, with its HTTP status. The shared error handler answers
// them; nothing else in the service maps errors to statuses.

export class WalletNotFoundError extends DomainError {
  constructor(customerId: string) {
    super(`${customerId} has no wallet`, 404)
  }
}

export class WalletExistsError extends DomainError {
  constructor(customerId: string) {
    super(`${customerId} has a wallet already`, 409)
  }
}

export class InsufficientFundsError extends DomainError {
  constructor(customerId: string, balanceCents: number, amountCents: number) {
    super(`The wallet of ${customerId} holds ${balanceCents} cents, not enough to spend ${amountCents}`, 422)
  }
}

export class OrderAlreadyPaidError extends DomainError {
  constructor(orderId: string, amountCents: number) {
    super(`The order ${orderId} was paid from this wallet already, with ${amountCents} cents`, 409)
  }
}

export class InvalidMonthError extends DomainError {
  constructor(label: string) {
    super(`"${label}" is not a month; write it as YYYY-MM`, 400)
  }
}

export class InvalidCursorError extends DomainError {
  constructor() {
    super('The cursor is not one this service handed out; start again from the first page', 400)
  }
}
