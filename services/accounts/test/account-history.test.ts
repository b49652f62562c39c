import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from './helper.js'
import { authorised, buildTestApp, newPerson, signUp, testClient } from './helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

async function history(id: string, query = '') {
  const response = await app.inject({ headers: authorised, method: 'GET', url: `/accounts/${id}/history${query}` })
  expect(response.statusCode).toBe(200)
  return response.json<{ events: { type: string; actor: string; changedFields: string[]; reason: string | null }[]; nextCursor: string | null }>()
}

describe('GET /accounts/:id/history', () => {
  it('lists every change, oldest first, with who made it and which fields changed', async () => {
    const created = await signUp(app)
    await app.inject({ headers: authorised, method: 'PATCH', url: `/accounts/${created.id}`, payload: { displayName: created.displayName, timeZone: 'Africa/Nairobi' } })
    await app.inject({ headers: authorised, method: 'POST', url: `/accounts/${created.id}/suspend`, payload: { reason: 'chargeback' } })
    const { events } = await history(created.id)
    expect(events.map(({ type, actor, changedFields, reason }) => ({ type, actor, changedFields, reason }))).toEqual([
      { type: 'account.created', actor: testClient, changedFields: [], reason: null },
      { type: 'account.updated', actor: testClient, changedFields: ['timeZone'], reason: null },
      { type: 'account.suspended', actor: testClient, changedFields: ['status'], reason: 'chargeback' }
    ])
  })

  it('records nothing for a change that changes nothing', async () => {
    const created = await signUp(app)
    await app.inject({ headers: authorised, method: 'PATCH', url: `/accounts/${created.id}`, payload: { email: created.email.toUpperCase() } })
    expect((await history(created.id)).events).toHaveLength(1)
  })

  it('pages with a cursor', async () => {
    const created = await signUp(app)
    for (const locale of ['de-DE', 'fr-FR', 'it-IT']) {
      await app.inject({ headers: authorised, method: 'PATCH', url: `/accounts/${created.id}`, payload: { locale } })
    }
    const first = await history(created.id, '?limit=3')
    expect(first.events).toHaveLength(3)
    const second = await history(created.id, `?limit=3&cursor=${first.nextCursor}`)
    expect(second.events.map((event) => event.type)).toEqual(['account.updated'])
    expect(second.nextCursor).toBeNull()
  })

  it('outlives the account it describes', async () => {
    const created = await signUp(app, newPerson())
    await app.inject({ headers: authorised, method: 'DELETE', url: `/accounts/${created.id}` })
    expect((await history(created.id)).events.map((event) => event.type)).toEqual(['account.created', 'account.deleted'])
  })
})
