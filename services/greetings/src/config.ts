import { loadServiceConfig, type ServiceConfig } from '@debug-drills/service-kit'

export type Config = ServiceConfig

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadServiceConfig({ defaultPort: 3005 }, env)
}
