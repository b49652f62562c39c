/**
 * Errors that the CLI turns into a message and an exit code. Anything else reaching the
 * entry point is a bug of ours and is reported as one.
 */
export class DrillError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** The user asked for something that does not exist or cannot be done as asked. */
export class UsageError extends DrillError {}

/** The grader's own infrastructure (Docker, PostgreSQL, ports, images) failed: never the trainee's fault. */
export class InfrastructureError extends DrillError {}

export class UnknownScenarioError extends UsageError {
  constructor(id: string, known: string[]) {
    super(`There is no scenario "${id}". Known scenarios: ${known.join(', ')}. Run \`drill list\` to see them with their titles.`)
  }
}

export class CancelledError extends DrillError {
  constructor() {
    super('Cancelled; everything that was started has been stopped.', 130)
  }
}
