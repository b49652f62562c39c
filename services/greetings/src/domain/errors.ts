import { DomainError } from '@debug-drills/service-kit'

export class LanguageNotFoundError extends DomainError {
  constructor(code: string) {
    super(`There is no greeting for language ${code}`, 404)
  }
}
