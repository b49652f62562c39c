import { test } from 'node:test'

const TEST_TIMEOUT_MS = 15_000

/** A hidden test: node:test's `test` with a per-test time limit. */
export function scenarioTest(name: string, body: () => Promise<void>): void {
  test(name, { timeout: TEST_TIMEOUT_MS }, body)
}
