import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from './helper.js'
import { authorised, buildTestApp, signUp } from './helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

const suspend = (id: string, reason = 'card testing from this account') =>
  app.inject({ headers: authorised, method: 'POST', url: `/accounts/${id}/suspend`, payload: { reason } })
const reactivate = (id: string) => app.inject({ headers: authorised, method: 'POST', url: `/accounts/${id}/reactivate` })

describe('POST /accounts/:id/suspend', () => {
  it('suspends the account with its reason, and GET shows it at once', async () => {
    const created = await signUp(app)
    await app.inject({ headers: authorised, method: 'GET', url: `/accounts/${created.id}` })
    const response = await suspend(created.id)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'suspended', suspensionReason: 'card testing from this account' })
    expect(response.json().suspendedAt).toEqual(expect.any(String))
    expect((await app.inject({ headers: authorised, method: 'GET', url: `/accounts/${created.id}` })).json().status).toBe('suspended')
  })

  it('answers 409 for an account already suspended, 404 for an unknown one, 400 without a reason', async () => {
    const created = await signUp(app)
    await suspend(created.id)
    expect((await suspend(created.id)).statusCode).toBe(409)
    expect((await suspend('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    expect((await app.inject({ headers: authorised, method: 'POST', url: `/accounts/${created.id}/suspend`, payload: {} })).statusCode).toBe(400)
  })
})

describe('POST /accounts/:id/reactivate', () => {
  it('reactivates a suspended account and clears the suspension', async () => {
    const created = await signUp(app)
    await suspend(created.id)
    const response = await reactivate(created.id)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'active', suspendedAt: null, suspensionReason: null })
  })

  it('answers 409 for an account that is active', async () => {
    expect((await reactivate((await signUp(app)).id)).statusCode).toBe(409)
  })
})
