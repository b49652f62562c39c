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

export class UndeliverableEmailError extends DomainError {
  constructor(domain: string) {
    super(`E-mail addresses at ${domain} cannot be registered: use a permanent address`, 422)
  }
}

export class AccountSuspendedError extends DomainError {
  constructor(id: string, action: string) {
    super(`Account ${id} is suspended: ${action} is not allowed until it is reactivated`, 422)
  }
}

export class AccountStatusConflictError extends DomainError {
  constructor(id: string, status: string) {
    super(`Account ${id} is already ${status}`, 409)
  }
}

export class InvalidCursorError extends DomainError {
  constructor() {
    super('The cursor is not one this service handed out: start again from the first page', 400)
  }
}

export class InvalidProfileError extends DomainError {
  constructor(field: string, problem: string) {
    super(`Invalid ${field}: ${problem}`, 400)
  }
}

export class InvalidExportRangeError extends DomainError {
  constructor(maxDays: number) {
    super(`An export covers from \`from\` up to \`to\`, which must be later and at most ${maxDays} days after it`, 400)
  }
}

export class ExportTooLargeError extends DomainError {
  constructor(maxRows: number) {
    super(`The export would hold more than ${maxRows} accounts: choose a shorter period or a filter`, 422)
  }
}

export class InvitationRequiredError extends DomainError {
  constructor() {
    super('Sign-up is by invitation only: follow the invitation link a customer sent you', 403)
  }
}

export class InvalidInvitationError extends DomainError {
  constructor(referrerId: string) {
    super(`The invitation from account ${referrerId} is no longer valid`, 422)
  }
}
