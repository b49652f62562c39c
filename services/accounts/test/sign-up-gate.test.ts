import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from './helper.js'
import { authorised, buildTestApp, newPerson, signUp } from './helper.js'

function post(app: App, payload: Record<string, unknown>) {
  return app.inject({ headers: authorised, method: 'POST', url: '/accounts', payload })
}

describe('invitations', () => {
  let app: App
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('records who invited a new customer', async () => {
    const referrer = await signUp(app)
    const response = await post(app, { ...newPerson(), referredBy: referrer.id })
    expect(response.statusCode).toBe(201)
    expect(response.json().referredBy).toBe(referrer.id)
    expect((await app.prisma.account.findUniqueOrThrow({ where: { id: response.json().id } })).referredBy).toBe(referrer.id)
  })

  it('refuses an invitation from an account that does not exist or is suspended (422), and stores nothing', async () => {
    const suspended = await signUp(app)
    await app.inject({ headers: authorised, method: 'POST', url: `/accounts/${suspended.id}/suspend`, payload: { reason: 'card testing' } })
    for (const referredBy of ['7d3f5a10-2c4b-4e8a-9f61-0b2c3d4e5f60', suspended.id]) {
      const person = newPerson()
      expect((await post(app, { ...person, referredBy })).statusCode).toBe(422)
      expect(await app.prisma.account.count({ where: { email: person.email } })).toBe(0)
    }
  })

  it('lets customers sign up without an invitation', async () => {
    expect((await post(app, newPerson())).statusCode).toBe(201)
  })
})

describe('invite-only sign-up (SIGNUPS_INVITE_ONLY)', () => {
  let app: App
  beforeAll(async () => {
    app = await buildTestApp({ SIGNUPS_INVITE_ONLY: 'true' })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('refuses a sign-up without an invitation with 403, and takes one with an invitation', async () => {
    const uninvited = newPerson()
    const refused = await post(app, uninvited)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().message).toMatch(/invitation/)
    expect(await app.prisma.account.count({ where: { email: uninvited.email } })).toBe(0)
    const [referrer] = await app.prisma.account.createManyAndReturn({ data: [{ ...newPerson(), createdBy: 'tests', updatedBy: 'tests' }] })
    expect((await post(app, { ...newPerson(), referredBy: referrer!.id })).statusCode).toBe(201)
  })
})
