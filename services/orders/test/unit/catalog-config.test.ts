import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config.js'

const required = { DATABASE_URL: 'postgresql://localhost/orders', API_KEYS: 'storefront:k' }

describe('loadConfig: the catalog checkout calls', () => {
  it('leaves checkout off without CATALOG_URL', () => {
    expect(loadConfig(required).catalog).toBeUndefined()
    expect(loadConfig({ ...required, CATALOG_URL: '' }).catalog).toBeUndefined()
  })

  it('reads the URL, the key and the numbers, with defaults', () => {
    expect(loadConfig({ ...required, CATALOG_URL: 'http://127.0.0.1:3002', CATALOG_API_KEY: 'dev-catalog-key' }).catalog).toEqual({
      url: 'http://127.0.0.1:3002',
      apiKey: 'dev-catalog-key',
      timeoutMs: 2_000,
      maxAttempts: 3
    })
    const tuned = loadConfig({ ...required, CATALOG_URL: 'https://catalog.internal', CATALOG_API_KEY: 'k', CATALOG_TIMEOUT_MS: '750', CATALOG_MAX_ATTEMPTS: '1' })
    expect(tuned.catalog).toMatchObject({ timeoutMs: 750, maxAttempts: 1 })
  })

  it('refuses a URL without a key, a URL that is not http, and out-of-range numbers', () => {
    expect(() => loadConfig({ ...required, CATALOG_URL: 'http://127.0.0.1:3002' })).toThrow(/CATALOG_API_KEY is required/)
    expect(() => loadConfig({ ...required, CATALOG_URL: 'ftp://catalog', CATALOG_API_KEY: 'k' })).toThrow(ConfigError)
    expect(() => loadConfig({ ...required, CATALOG_URL: 'http://c', CATALOG_API_KEY: 'k', CATALOG_TIMEOUT_MS: '5' })).toThrow(/CATALOG_TIMEOUT_MS/)
    expect(() => loadConfig({ ...required, CATALOG_URL: 'http://c', CATALOG_API_KEY: 'k', CATALOG_MAX_ATTEMPTS: '0' })).toThrow(/CATALOG_MAX_ATTEMPTS/)
  })
})
