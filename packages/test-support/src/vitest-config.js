// Plain JavaScript: vitest loads its config with Node, which does not run TypeScript from a package.
import { randomUUID } from 'node:crypto'
import { defineConfig } from 'vitest/config'

/**
 * The vitest settings of a suite that starts real databases, services and containers.
 * @param {string} suite
 */
export function drillTestConfig(suite) {
  return defineConfig({
    test: {
      // Files start real databases, services and containers, and one test counts leftover
      // processes: run them one at a time.
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 120_000,
      // Every process and container drill starts for this run carries the tag, so leftover
      // checks count only what this run started (leftovers.ts).
      env: { DRILL_OWNER: `${suite}-tests-${randomUUID()}` }
    }
  })
}
