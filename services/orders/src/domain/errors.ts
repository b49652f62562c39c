import { DomainError } from '@debug-drills/service-kit'

export class OrderNotFoundError extends DomainError {
  constructor(id: number) {
    super(`Order ${id} not found`, 404)
  }
}

export class StatusChangeError extends DomainError {
  constructor(from: string, to: string) {
    super(`An order that is ${from} cannot become ${to}`, 409)
  }
}
