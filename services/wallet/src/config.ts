import { loadServiceConfig, type ServiceConfig } from '@debug-drills/service-kit'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

/** The wallet's own settings; every one has a default, so a bare environment runs the service. */
const WalletSettingsSchema = Type.Object({
  /** The currency of wallets opened without one. */
  WALLET_DEFAULT_CURRENCY: Type.String({ default: 'USD', pattern: '^[A-Z]{3}$' }),
  /** The inbox worker applies provider events in the background; `false` stops its polling. */
  INBOX_WORKER_ENABLED: Type.Boolean({ default: true }),
  INBOX_POLL_INTERVAL_MS: Type.Integer({ default: 1_000, minimum: 20 }),
  INBOX_BATCH_SIZE: Type.Integer({ default: 25, minimum: 1, maximum: 500 })
})

export type WalletSettings = Static<typeof WalletSettingsSchema>
export type Config = ServiceConfig & WalletSettings

/** Reads the wallet's settings from the environment: defaults filled in, strings converted, then checked. */
export function loadWalletSettings(env: NodeJS.ProcessEnv): WalletSettings {
  const known = Object.fromEntries(Object.keys(WalletSettingsSchema.properties).flatMap((key) => (env[key] ? [[key, env[key]]] : [])))
  const settings = Value.Convert(WalletSettingsSchema, Value.Default(WalletSettingsSchema, known))
  if (!Value.Check(WalletSettingsSchema, settings)) {
    const problems = Value.Errors(WalletSettingsSchema, settings).map((error) => `${error.instancePath.slice(1) || 'environment'} ${error.message}`)
    throw new Error(`Invalid wallet settings: ${problems.join('; ')}`)
  }
  return settings
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return { ...loadServiceConfig({ defaultPort: 3007 }, env), ...loadWalletSettings(env) }
}
