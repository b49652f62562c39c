import { loadServiceConfig, type ServiceConfig } from '@debug-drills/service-kit'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

/** The catalogue's own settings, on top of the platform's (database, port, API keys, log level). */
const CatalogSettingsSchema = Type.Object({
  /** How long a product read by SKU or the category counts are served from memory; 0 turns caching off. */
  CACHE_TTL_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 30_000 }),
  CACHE_MAX_ENTRIES: Type.Integer({ minimum: 1, default: 5_000 }),
  /** Run the outbox relay in this process; turn it off where another instance relays. */
  OUTBOX_RELAY_ENABLED: Type.Boolean({ default: true }),
  OUTBOX_POLL_INTERVAL_MS: Type.Integer({ minimum: 10, default: 1_000 }),
  OUTBOX_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  /** Delivery attempts before an event is parked as failed (retry it with POST /outbox/events/:id/retry). */
  OUTBOX_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /** Where catalogue events are POSTed. Unset: events are recorded and marked published, but sent nowhere. */
  WEBHOOK_URL: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' })),
  /** Signs each delivery (HMAC-SHA256) so the receiver can trust it. */
  WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  WEBHOOK_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 3_000 }),
  /** Quick retries within one delivery attempt, for a partner that blips. */
  WEBHOOK_RETRIES: Type.Integer({ minimum: 0, maximum: 5, default: 2 })
})

export type CatalogSettings = Static<typeof CatalogSettingsSchema>

export type Config = ServiceConfig & CatalogSettings

/** Reads and validates the environment once, at boot; a bad value stops the service and says which. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return { ...loadServiceConfig({ defaultPort: 3002 }, env), ...loadCatalogSettings(env) }
}

function loadCatalogSettings(env: NodeJS.ProcessEnv): CatalogSettings {
  // `WEBHOOK_URL=` in an .env file means "not set", not "an empty URL".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const settings = Value.Default(CatalogSettingsSchema, Value.Convert(CatalogSettingsSchema, Value.Clean(CatalogSettingsSchema, given)))
  if (Value.Check(CatalogSettingsSchema, settings)) return settings
  const problems = [...Value.Errors(CatalogSettingsSchema, settings)].map((error) => `${error.instancePath.slice(1)} ${error.message}`)
  throw new Error(`Invalid configuration: ${problems.join('; ')}`)
}
