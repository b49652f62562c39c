import type { ViteUserConfig } from 'vitest/config'

/** The vitest settings of a suite that starts real databases, services and containers. */
export function drillTestConfig(suite: string): ViteUserConfig
