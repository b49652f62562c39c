import envSchema from 'env-schema'
import { Type, type Static } from 'typebox'

function serviceConfigSchema(defaultPort: number) {
  return Type.Object({
    DATABASE_URL: Type.String({ minLength: 1 }),
    HOST: Type.String({ default: '127.0.0.1' }),
    PORT: Type.Integer({ default: defaultPort, minimum: 0, maximum: 65535 }),
    /** API clients as `name:key` pairs separated by commas; every route but /health needs one. */
    API_KEYS: Type.String({ minLength: 1 }),
    LOG_LEVEL: Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
      { default: 'info' }
    )
  })
}

export type ServiceConfig = Static<ReturnType<typeof serviceConfigSchema>>

/** Reads and validates the environment once, at boot; a bad value stops the service with a clear message. */
export function loadServiceConfig({ defaultPort }: { defaultPort: number }, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return envSchema<ServiceConfig>({ schema: serviceConfigSchema(defaultPort), data: env })
}
