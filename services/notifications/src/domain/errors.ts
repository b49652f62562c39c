import { DomainError } from '@debug-drills/service-kit'

// Every failure a client can act on, with its HTTP status. The shared error handler answers
// them; nothing else in the service maps errors to statuses.

export class TemplateNotFoundError extends DomainError {
  constructor(key: string, locale: string, channel: string) {
    super(`There is no ${channel} template "${key}" for ${locale}`, 404)
  }
}

export class UnknownTemplateError extends DomainError {
  constructor(key: string, channel: string) {
    super(`There is no ${channel} template "${key}" in the requested locale or the fallback locale`, 422)
  }
}

export class MissingVariableError extends DomainError {
  constructor(key: string, names: string[]) {
    super(`The template "${key}" needs ${names.map((name) => `"${name}"`).join(', ')}`, 422)
  }
}

export class InvalidVariableError extends DomainError {
  constructor(name: string, expected: string) {
    super(`The variable "${name}" must be ${expected}`, 422)
  }
}

export class InvalidRecipientError extends DomainError {
  constructor(recipient: string, channel: string) {
    super(channel === 'sms' ? `"${recipient}" is not a phone number in E.164 form (+4915112345678)` : `"${recipient}" is not an e-mail address`, 422)
  }
}

export class SubjectRequiredError extends DomainError {
  constructor() {
    super('An e-mail template needs a subject; an SMS template has none', 400)
  }
}

export class InvalidRangeError extends DomainError {
  constructor(from: string, to: string) {
    super(`The report range ${from}..${to} is empty or longer than 366 days`, 400)
  }
}
