import { loadServiceConfig, type ServiceConfig } from '@debug-drills/service-kit'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

/** The settings of notifications; every one has a default, so a bare environment runs the service. */
const NotificationSettingsSchema = Type.Object({
  /** The locale whose template is used when a recipient's own locale has none. */
  FALLBACK_LOCALE: Type.String({ default: 'en', pattern: '^[a-z]{2}(-[A-Z]{2})?$' }),
  /** What one SMS segment costs us at the gateway, in euro cents. */
  SMS_SEGMENT_PRICE_CENTS: Type.Integer({ default: 7, minimum: 0, maximum: 10_000 }),
  /** What one e-mail costs us, in euro cents. */
  EMAIL_PRICE_CENTS: Type.Integer({ default: 0, minimum: 0, maximum: 10_000 })
})

export type NotificationSettings = Static<typeof NotificationSettingsSchema>
export type Config = ServiceConfig & NotificationSettings

/** Reads the settings from the environment: defaults filled in, strings converted, then checked. */
export function loadNotificationSettings(env: NodeJS.ProcessEnv): NotificationSettings {
  const known = Object.fromEntries(Object.keys(NotificationSettingsSchema.properties).flatMap((key) => (env[key] ? [[key, env[key]]] : [])))
  const settings = Value.Convert(NotificationSettingsSchema, Value.Default(NotificationSettingsSchema, known))
  if (!Value.Check(NotificationSettingsSchema, settings)) {
    const problems = Value.Errors(NotificationSettingsSchema, settings).map((error) => `${error.instancePath.slice(1) || 'environment'} ${error.message}`)
    throw new Error(`Invalid notification settings: ${problems.join('; ')}`)
  }
  return settings
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return { ...loadServiceConfig({ defaultPort: 3006 }, env), ...loadNotificationSettings(env) }
}
