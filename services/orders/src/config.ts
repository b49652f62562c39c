import { loadServiceConfig, type ServiceConfig } from '@debug-drills/service-kit'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import { ORDER_EVENT_TYPES, type OrderEventType } from './domain/order-events.js'

/** One event type, or several separated by commas. */
const eventTypeList = (() => {
  const one = `(${ORDER_EVENT_TYPES.map((type) => type.replace('.', '\\.')).join('|')})`
  return `^${one}(\\s*,\\s*${one})*$`
})()

/** The orders service's own settings, on top of the ones every service reads. All are optional. */
const OrdersEnvironment = Type.Object({
  /** How long a customer's first history page is served from memory; 0 turns the cache off. */
  ORDER_CACHE_TTL_MS: Type.Integer({ minimum: 0, default: 30_000 }),
  ORDER_CACHE_MAX_CUSTOMERS: Type.Integer({ minimum: 1, default: 5_000 }),
  /** Where order events are POSTed. Unset: events are still recorded, but nobody is notified. */
  WEBHOOK_URL: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' })),
  /** Signs each delivery (`x-orders-signature`) so the receiver can tell it came from us. */
  WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  WEBHOOK_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5_000 }),
  /** The event types the webhook partner subscribes to, comma-separated. Unset: every type. */
  WEBHOOK_EVENTS: Type.Optional(Type.String({ pattern: eventTypeList })),
  /** Attempts per delivery, counting the first, before the relay schedules a later one. */
  WEBHOOK_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 10, default: 3 }),
  OUTBOX_RELAY_ENABLED: Type.Boolean({ default: true }),
  OUTBOX_POLL_INTERVAL_MS: Type.Integer({ minimum: 50, default: 2_000 }),
  OUTBOX_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
  /** Deliveries of one event (each with its retries) before it is parked as failed. */
  OUTBOX_MAX_DELIVERIES: Type.Integer({ minimum: 1, maximum: 100, default: 8 }),
  /** Delivered events are deleted after this many days; 0 keeps them forever. */
  OUTBOX_RETENTION_DAYS: Type.Integer({ minimum: 0, default: 30 }),
  OUTBOX_CLEANUP_INTERVAL_MS: Type.Integer({ minimum: 1_000, default: 60 * 60_000 }),
  /** The catalog service checkout prices carts with. Unset: checkout is off (503). */
  CATALOG_URL: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://' })),
  /** Orders' API key at catalog; required with CATALOG_URL. */
  CATALOG_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  CATALOG_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 30_000, default: 2_000 }),
  /** Attempts per catalog read, counting the first. */
  CATALOG_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 5, default: 3 })
})

type OrdersEnvironment = Static<typeof OrdersEnvironment>

export interface WebhookConfig {
  url: string
  secret?: string
  timeoutMs: number
  maxAttempts: number
}

export interface CatalogConfig {
  url: string
  apiKey: string
  timeoutMs: number
  maxAttempts: number
}

export interface Config extends ServiceConfig {
  /** Absent when `CATALOG_URL` is unset: checkout is off. */
  catalog?: CatalogConfig
  cache: { ttlMs: number; maxCustomers: number }
  /** Absent when `WEBHOOK_URL` is unset: the feature is off. */
  webhook?: WebhookConfig
  outbox: {
    relayEnabled: boolean
    pollIntervalMs: number
    batchSize: number
    maxDeliveries: number
    retentionDays: number
    cleanupIntervalMs: number
    /** The event types recorded for the webhook; changes of other types announce nothing. */
    eventTypes: OrderEventType[]
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** An empty variable (`WEBHOOK_URL=` in a .env file) means unset, as it does to a shell user. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])))
}

function parseOrdersEnvironment(env: NodeJS.ProcessEnv): OrdersEnvironment {
  const parsed = Value.Clean(OrdersEnvironment, Value.Convert(OrdersEnvironment, Value.Default(OrdersEnvironment, withoutEmpty(env))))
  if (Value.Check(OrdersEnvironment, parsed)) return parsed
  const problems = [...Value.Errors(OrdersEnvironment, parsed)].map((error) => `${error.instancePath.slice(1)} ${error.message}`)
  throw new ConfigError(`Invalid environment: ${problems.join('; ')}`)
}

/** `WEBHOOK_EVENTS` has passed its pattern, so every entry names a type. */
function parseEventTypes(list: string): OrderEventType[] {
  return list.split(',').map((type) => type.trim() as OrderEventType)
}

/** Reads and validates the environment once, at boot; a bad value stops the service with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const service = loadServiceConfig({ defaultPort: 3003 }, env)
  const orders = parseOrdersEnvironment(env)
  if (orders.CATALOG_URL && !orders.CATALOG_API_KEY) throw new ConfigError('Invalid environment: CATALOG_API_KEY is required with CATALOG_URL')
  return {
    ...service,
    cache: { ttlMs: orders.ORDER_CACHE_TTL_MS, maxCustomers: orders.ORDER_CACHE_MAX_CUSTOMERS },
    webhook: orders.WEBHOOK_URL
      ? {
          url: orders.WEBHOOK_URL,
          secret: orders.WEBHOOK_SECRET,
          timeoutMs: orders.WEBHOOK_TIMEOUT_MS,
          maxAttempts: orders.WEBHOOK_MAX_ATTEMPTS
        }
      : undefined,
    outbox: {
      relayEnabled: orders.OUTBOX_RELAY_ENABLED,
      pollIntervalMs: orders.OUTBOX_POLL_INTERVAL_MS,
      batchSize: orders.OUTBOX_BATCH_SIZE,
      maxDeliveries: orders.OUTBOX_MAX_DELIVERIES,
      retentionDays: orders.OUTBOX_RETENTION_DAYS,
      cleanupIntervalMs: orders.OUTBOX_CLEANUP_INTERVAL_MS,
      eventTypes: orders.WEBHOOK_EVENTS ? parseEventTypes(orders.WEBHOOK_EVENTS) : [...ORDER_EVENT_TYPES]
    },
    catalog:
      orders.CATALOG_URL && orders.CATALOG_API_KEY
        ? { url: orders.CATALOG_URL, apiKey: orders.CATALOG_API_KEY, timeoutMs: orders.CATALOG_TIMEOUT_MS, maxAttempts: orders.CATALOG_MAX_ATTEMPTS }
        : undefined
  }
}
