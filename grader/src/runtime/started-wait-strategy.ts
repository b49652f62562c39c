import type { WaitStrategy } from 'testcontainers'

/**
 * Testcontainers' "ready" is "started" here: the caller waits for readiness itself (a real
 * PostgreSQL connection), so that other work can overlap the database's start-up.
 */
export class StartedWaitStrategy implements WaitStrategy {
  #timeoutMs = 30_000

  async waitUntilReady(): Promise<void> {}

  withStartupTimeout(startupTimeoutMs: number): this {
    this.#timeoutMs = startupTimeoutMs
    return this
  }

  isStartupTimeoutSet(): boolean {
    return true
  }

  getStartupTimeout(): number {
    return this.#timeoutMs
  }
}
