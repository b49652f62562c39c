import { DomainError } from '@debug-drills/service-kit'

export class EmailTakenError extends DomainError {
  constructor(email: string) {
    super(`An account with e-mail ${email} already exists`, 409)
  }
}

export class AccountNotFoundError extends DomainError {
  constructor(id: string) {
    super(`Account ${id} not found`, 404)
  }
}
