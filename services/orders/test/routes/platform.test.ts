import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorised, buildTestApp, type App } from '../helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe('platform', () => {
  it('serves /health without a key', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
  })

  it('refuses every other route without a valid key', async () => {
    const routes = [
      { method: 'GET', url: '/orders' },
      { method: 'POST', url: '/orders' },
      { method: 'GET', url: '/orders/1' },
      { method: 'GET', url: '/orders/1/status-changes' },
      { method: 'POST', url: '/orders/1/status' },
      { method: 'DELETE', url: '/orders/1' },
      { method: 'GET', url: '/customers/cus_abcd1234/order-summary' },
      { method: 'GET', url: '/outbox/stats' },
      { method: 'POST', url: '/outbox/events/1/retry' }
    ] as const
    for (const route of routes) {
      expect((await app.inject(route)).statusCode, `${route.method} ${route.url}`).toBe(401)
      expect((await app.inject({ ...route, headers: { authorization: 'Bearer not-the-key' } })).statusCode).toBe(401)
    }
  })

  it('echoes the caller’s request id, or makes one', async () => {
    const echoed = await app.inject({ headers: { ...authorised, 'x-request-id': 'support-4711' }, method: 'GET', url: '/orders?limit=1' })
    expect(echoed.headers['x-request-id']).toBe('support-4711')
    const made = await app.inject({ headers: authorised, method: 'GET', url: '/orders?limit=1' })
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers unknown routes with 404', async () => {
    expect((await app.inject({ headers: authorised, method: 'GET', url: '/invoices' })).statusCode).toBe(404)
  })
})
