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
