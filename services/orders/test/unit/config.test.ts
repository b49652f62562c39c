import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config.js'

const required = { DATABASE_URL: 'postgresql://localhost/orders', API_KEYS: 'storefront:k' }

describe('loadConfig', () => {
  it('needs only the database and API keys; everything else has a default', () => {
    const config = loadConfig(required)
    expect(config).toMatchObject({
      PORT: 3003,
      cache: { ttlMs: 30_000, maxCustomers: 5_000 },
      webhook: undefined,
      outbox: { relayEnabled: true, pollIntervalMs: 2_000, batchSize: 20, maxDeliveries: 8 }
    })
  })

  it('turns the webhook on with a URL, reading numbers and booleans from strings', () => {
    const config = loadConfig({
      ...required,
      WEBHOOK_URL: 'https://hooks.example.com/orders',
      WEBHOOK_TIMEOUT_MS: '1500',
      OUTBOX_RELAY_ENABLED: 'false',
      ORDER_CACHE_TTL_MS: '0'
    })
    expect(config.webhook).toEqual({ url: 'https://hooks.example.com/orders', secret: undefined, timeoutMs: 1500, maxAttempts: 3 })
    expect(config.outbox.relayEnabled).toBe(false)
    expect(config.cache.ttlMs).toBe(0)
  })

  it('reads the webhook partner\'s event types, every type when unset', () => {
    expect(loadConfig(required).outbox.eventTypes).toEqual(['order.placed', 'order.status_changed', 'order.archived'])
    expect(loadConfig({ ...required, WEBHOOK_EVENTS: 'order.status_changed' }).outbox.eventTypes).toEqual(['order.status_changed'])
    expect(loadConfig({ ...required, WEBHOOK_EVENTS: 'order.placed,order.archived' }).outbox.eventTypes).toEqual(['order.placed', 'order.archived'])
    expect(() => loadConfig({ ...required, WEBHOOK_EVENTS: 'order.placed,order.shipped' })).toThrow(/WEBHOOK_EVENTS/)
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ ...required, WEBHOOK_URL: '', WEBHOOK_SECRET: '' }).webhook).toBeUndefined()
  })

  it('names every bad value', () => {
    const load = () => loadConfig({ ...required, WEBHOOK_URL: 'ftp://hooks', OUTBOX_BATCH_SIZE: 'lots', WEBHOOK_SECRET: 'short' })
    expect(load).toThrow(ConfigError)
    expect(load).toThrow(/WEBHOOK_URL.*OUTBOX_BATCH_SIZE|OUTBOX_BATCH_SIZE.*WEBHOOK_URL/)
    expect(load).toThrow(/WEBHOOK_SECRET/)
  })
})
