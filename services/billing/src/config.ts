import { loadServiceConfig, type ServiceConfig } from '@debug-drills/service-kit'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

/** Billing's own settings; every one has a default, so a bare environment runs the service. */
const BillingSettingsSchema = Type.Object({
  /** Days between issuing an invoice and its due date. */
  INVOICE_PAYMENT_TERMS_DAYS: Type.Integer({ default: 30, minimum: 0, maximum: 365 }),
  /** How long cached price lists, invoices and usage summaries live; 0 turns caching off. */
  CACHE_TTL_SECONDS: Type.Integer({ default: 60, minimum: 0 }),
  CACHE_MAX_ENTRIES: Type.Integer({ default: 5_000, minimum: 0 }),
  /** Where billing events are POSTed; without it events wait in the outbox. */
  BILLING_WEBHOOK_URL: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' })),
  /** Signs each delivery (HMAC-SHA256 of the body) so the receiver can trust it. */
  BILLING_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  BILLING_WEBHOOK_TIMEOUT_MS: Type.Integer({ default: 5_000, minimum: 100 }),
  /** Immediate retries of one delivery; the outbox retries later on top of these. */
  BILLING_WEBHOOK_RETRIES: Type.Integer({ default: 2, minimum: 0, maximum: 10 }),
  OUTBOX_RELAY_ENABLED: Type.Boolean({ default: true }),
  OUTBOX_POLL_INTERVAL_MS: Type.Integer({ default: 2_000, minimum: 50 }),
  OUTBOX_BATCH_SIZE: Type.Integer({ default: 25, minimum: 1, maximum: 500 }),
  /** Deliveries of one event before the relay gives up on it and leaves it to a person. */
  OUTBOX_MAX_ATTEMPTS: Type.Integer({ default: 10, minimum: 1 })
})

export type BillingSettings = Static<typeof BillingSettingsSchema>
export type Config = ServiceConfig & BillingSettings

/** Reads billing's settings from the environment: defaults filled in, strings converted, then checked. */
export function loadBillingSettings(env: NodeJS.ProcessEnv): BillingSettings {
  const known = Object.fromEntries(Object.keys(BillingSettingsSchema.properties).flatMap((key) => (env[key] ? [[key, env[key]]] : [])))
  const settings = Value.Convert(BillingSettingsSchema, Value.Default(BillingSettingsSchema, known))
  if (!Value.Check(BillingSettingsSchema, settings)) {
    const problems = Value.Errors(BillingSettingsSchema, settings).map((error) => `${error.instancePath.slice(1) || 'environment'} ${error.message}`)
    throw new Error(`Invalid billing settings: ${problems.join('; ')}`)
  }
  return settings
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return { ...loadServiceConfig({ defaultPort: 3004 }, env), ...loadBillingSettings(env) }
}
