import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'

const required = { DATABASE_URL: 'postgresql://localhost/catalog', API_KEYS: 'backoffice:k' }

describe('loadConfig', () => {
  it('gives every catalogue setting a default, with delivery off', () => {
    const config = loadConfig(required)
    expect(config).toMatchObject({ PORT: 3002, CACHE_TTL_MS: 30_000, OUTBOX_RELAY_ENABLED: true, OUTBOX_POLL_INTERVAL_MS: 1_000, WEBHOOK_RETRIES: 2 })
    expect(config.WEBHOOK_URL).toBeUndefined()
  })

  it('reads numbers and switches from their text', () => {
    const config = loadConfig({ ...required, CACHE_TTL_MS: '0', OUTBOX_RELAY_ENABLED: 'false', WEBHOOK_URL: 'https://hooks.example.com/catalog' })
    expect(config).toMatchObject({ CACHE_TTL_MS: 0, OUTBOX_RELAY_ENABLED: false, WEBHOOK_URL: 'https://hooks.example.com/catalog' })
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ ...required, WEBHOOK_URL: '', WEBHOOK_SECRET: '' }).WEBHOOK_URL).toBeUndefined()
  })

  it('names every bad value', () => {
    expect(() => loadConfig({ ...required, OUTBOX_POLL_INTERVAL_MS: 'often', WEBHOOK_URL: 'ftp://hooks.example.com' })).toThrow(
      /OUTBOX_POLL_INTERVAL_MS.*WEBHOOK_URL|WEBHOOK_URL.*OUTBOX_POLL_INTERVAL_MS/
    )
  })
})
