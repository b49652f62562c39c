import { afterAll, beforeAll, expect, it } from 'vitest'
import type { App } from './helper.js'
import { authorised, buildTestApp } from './helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

it('reports ok while the database answers', async () => {
  const response = await app.inject({ method: 'GET', url: '/health' })
  expect(response.statusCode).toBe(200)
  expect(response.json()).toEqual({ status: 'ok' })
})

it('answers unknown routes with a JSON 404', async () => {
  const response = await app.inject({ headers: authorised, method: 'GET', url: '/nope' })
  expect(response.statusCode).toBe(404)
  expect(response.json().message).toContain('/nope')
})

it('refuses requests without a valid API key, and says how to send one', async () => {
  const missing = await app.inject({ method: 'GET', url: '/languages' })
  expect(missing.statusCode).toBe(401)
  expect(missing.headers['www-authenticate']).toBe('Bearer')
  expect(missing.json().message).toMatch(/Authorization: Bearer/)
  const wrong = await app.inject({ headers: { authorization: 'Bearer not-the-key' }, method: 'GET', url: '/languages' })
  expect(wrong.statusCode).toBe(401)
})

it('echoes a sane x-request-id, and makes one up otherwise', async () => {
  const sent = await app.inject({ headers: { 'x-request-id': 'trace-42' }, method: 'GET', url: '/health' })
  expect(sent.headers['x-request-id']).toBe('trace-42')
  const made = await app.inject({ headers: { 'x-request-id': 'no spaces allowed' }, method: 'GET', url: '/health' })
  expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
})
