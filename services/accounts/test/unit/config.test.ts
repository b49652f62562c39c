import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'

const required = { DATABASE_URL: 'postgresql://localhost/accounts', API_KEYS: 'web:key' }

describe('loadConfig', () => {
  it('has a default for every setting this service adds', () => {
    expect(loadConfig(required)).toMatchObject({
      ACCOUNT_CACHE_TTL_MS: 30_000,
      OUTBOX_RELAY_ENABLED: true,
      OUTBOX_POLL_INTERVAL_MS: 1_000,
      WEBHOOK_MAX_RETRIES: 2
    })
    expect(loadConfig(required).ACCOUNT_EVENTS_WEBHOOK_URL).toBeUndefined()
  })

  it('reads numbers and switches from their text', () => {
    const config = loadConfig({ ...required, ACCOUNT_CACHE_TTL_MS: '0', OUTBOX_RELAY_ENABLED: 'false' })
    expect(config.ACCOUNT_CACHE_TTL_MS).toBe(0)
    expect(config.OUTBOX_RELAY_ENABLED).toBe(false)
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ ...required, ACCOUNT_EVENTS_WEBHOOK_URL: '' }).ACCOUNT_EVENTS_WEBHOOK_URL).toBeUndefined()
  })

  it('stops at boot, naming the variable, when a value is wrong', () => {
    expect(() => loadConfig({ ...required, OUTBOX_POLL_INTERVAL_MS: 'soon' })).toThrow(/OUTBOX_POLL_INTERVAL_MS/)
    expect(() => loadConfig({ ...required, ACCOUNT_EVENTS_WEBHOOK_URL: 'ftp://partner' })).toThrow(/ACCOUNT_EVENTS_WEBHOOK_URL/)
  })
})
