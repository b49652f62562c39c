import { randomUUID } from 'node:crypto'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Files start real databases, services and containers, and one test counts leftover
    // processes: run them one at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Every process and container drill starts for this run carries the tag, so leftover
    // checks count only what this run started (test/support/leftovers.ts).
    env: { DRILL_OWNER: `grader-tests-${randomUUID()}` }
  }
})
