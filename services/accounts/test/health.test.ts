import { afterAll, beforeAll, expect, it } from 'vitest'
import type { App } from './helper.js'
import { buildTestApp } from './helper.js'

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
  const response = await app.inject({ method: 'GET', url: '/nope' })
  expect(response.statusCode).toBe(404)
  expect(response.json().message).toContain('/nope')
})
