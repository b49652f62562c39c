import { expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'

const base = { DATABASE_URL: 'postgresql://localhost/wallet', API_KEYS: 'web:key' }

it('fills in every default', () => {
  expect(loadConfig(base)).toMatchObject({ PORT: 3007, WALLET_DEFAULT_CURRENCY: 'USD', INBOX_WORKER_ENABLED: true, INBOX_POLL_INTERVAL_MS: 1_000, INBOX_BATCH_SIZE: 25 })
})

it('converts and checks the settings', () => {
  expect(loadConfig({ ...base, INBOX_WORKER_ENABLED: 'false', INBOX_POLL_INTERVAL_MS: '250' })).toMatchObject({ INBOX_WORKER_ENABLED: false, INBOX_POLL_INTERVAL_MS: 250 })
  expect(() => loadConfig({ ...base, WALLET_DEFAULT_CURRENCY: 'dollars' })).toThrow(/Invalid wallet settings/)
})
