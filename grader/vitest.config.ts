import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Files start real databases, services and containers, and one test counts leftover
    // processes: run them one at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
