/** An expected failure the client can act on; the error handler answers it with its status code. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly statusCode: number
  ) {
    super(message)
    this.name = new.target.name
  }
}

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
