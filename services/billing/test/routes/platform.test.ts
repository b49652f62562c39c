import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorised, buildTestApp, type App } from '../helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe('the platform around the routes', () => {
  it('serves /health without a key', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' })
    expect(response.json()).toEqual({ status: 'ok' })
  })

  it('needs an API key everywhere else', async () => {
    expect((await app.inject({ method: 'GET', url: '/meters' })).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: '/meters', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: '/invoices', headers: authorised })).statusCode).toBe(200)
  })

  it('echoes the caller’s request id', async () => {
    const response = await app.inject({ method: 'GET', url: '/meters', headers: { ...authorised, 'x-request-id': 'support-ticket-4411' } })
    expect(response.headers['x-request-id']).toBe('support-ticket-4411')
  })

  it('keeps the relay off unless a webhook is configured', () => {
    expect(app.outboxRelay).toBeNull()
  })
})
