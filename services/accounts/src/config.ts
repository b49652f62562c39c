import { loadServiceConfig, type ServiceConfig } from '@debug-drills/service-kit'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

const AccountsSettingsSchema = Type.Object({
  /** How long a looked-up account may be served from memory; 0 turns the cache off. */
  ACCOUNT_CACHE_TTL_MS: Type.Integer({ minimum: 0, default: 30_000 }),
  ACCOUNT_CACHE_MAX_ENTRIES: Type.Integer({ minimum: 1, default: 5_000 }),
  /** Extra disposable e-mail domains to refuse at sign-up, comma-separated. */
  BLOCKED_EMAIL_DOMAINS: Type.String({ default: '' }),
  /** Only customers who follow another customer's invitation (`referredBy`) may sign up. */
  SIGNUPS_INVITE_ONLY: Type.Boolean({ default: false }),
  /** Where account events are POSTed. Unset: events stay in the outbox and the relay does not run. */
  ACCOUNT_EVENTS_WEBHOOK_URL: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' })),
  /** Signs each delivery (HMAC-SHA256 of the body, `x-accounts-signature` header) when set. */
  ACCOUNT_EVENTS_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  WEBHOOK_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 3_000 }),
  /** Retries within one delivery attempt, for timeouts, network errors, 429 and 5xx. */
  WEBHOOK_MAX_RETRIES: Type.Integer({ minimum: 0, maximum: 5, default: 2 }),
  OUTBOX_RELAY_ENABLED: Type.Boolean({ default: true }),
  OUTBOX_POLL_INTERVAL_MS: Type.Integer({ minimum: 50, default: 1_000 }),
  OUTBOX_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  /** Delivery attempts before a message is marked failed and left for a person to look at. */
  OUTBOX_MAX_ATTEMPTS: Type.Integer({ minimum: 1, default: 10 })
})

export type AccountsSettings = Static<typeof AccountsSettingsSchema>
export type Config = ServiceConfig & AccountsSettings

/** The settings this service adds to the shared ones; an empty variable counts as unset. */
function loadAccountsSettings(env: NodeJS.ProcessEnv): AccountsSettings {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const settings = Value.Convert(AccountsSettingsSchema, Value.Default(AccountsSettingsSchema, Value.Clean(AccountsSettingsSchema, given)))
  const problems = [...Value.Errors(AccountsSettingsSchema, settings)]
  if (problems.length) {
    const details = problems.map((problem) => `${problem.instancePath.slice(1)} ${problem.message}`).join('; ')
    throw new Error(`Invalid environment: ${details}`)
  }
  return settings as AccountsSettings
}

/** Reads and validates the environment once, at boot. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return { ...loadServiceConfig({ defaultPort: 3001 }, env), ...loadAccountsSettings(env) }
}
