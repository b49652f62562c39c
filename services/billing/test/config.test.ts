import { describe, expect, it } from 'vitest'
import { loadBillingSettings, loadConfig } from '../src/config.js'

describe('configuration', () => {
  it('runs on defaults alone', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://localhost/billing', API_KEYS: 'finance:key' })
    expect(config).toMatchObject({ PORT: 3004, CACHE_TTL_SECONDS: 60, OUTBOX_RELAY_ENABLED: true, INVOICE_PAYMENT_TERMS_DAYS: 30 })
    expect(config.BILLING_WEBHOOK_URL).toBeUndefined()
  })

  it('reads numbers and switches from strings', () => {
    expect(loadBillingSettings({ OUTBOX_RELAY_ENABLED: 'false', OUTBOX_POLL_INTERVAL_MS: '250' })).toMatchObject({ OUTBOX_RELAY_ENABLED: false, OUTBOX_POLL_INTERVAL_MS: 250 })
  })

  it('stops at boot on a bad value, naming it', () => {
    expect(() => loadBillingSettings({ CACHE_TTL_SECONDS: 'soon' })).toThrow(/CACHE_TTL_SECONDS/)
    expect(() => loadBillingSettings({ BILLING_WEBHOOK_URL: 'ftp://example.com/hook' })).toThrow(/BILLING_WEBHOOK_URL/)
    expect(() => loadBillingSettings({ BILLING_WEBHOOK_SECRET: 'short' })).toThrow(/BILLING_WEBHOOK_SECRET/)
  })
})
