import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from './helper.js'
import { authorised, buildTestApp } from './helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

async function signUp(email: string, displayName = 'Test Person') {
  return app.inject({ headers: authorised, method: 'POST', url: '/accounts', payload: { email, displayName } })
}

describe('POST /accounts', () => {
  it('creates an account and stores the e-mail normalised', async () => {
    const response = await signUp('Mixed.Case@Example.com', 'Mixed Case')
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ email: 'mixed.case@example.com', displayName: 'Mixed Case' })
    const stored = await app.prisma.account.findUniqueOrThrow({ where: { id: response.json().id } })
    expect(stored.email).toBe('mixed.case@example.com')
  })

  it('rejects an invalid e-mail with 400', async () => {
    const response = await signUp('not-an-email')
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toMatch(/email/)
  })

  it('rejects a missing display name with 400', async () => {
    const response = await app.inject({ headers: authorised, method: 'POST', url: '/accounts', payload: { email: 'x@example.com' } })
    expect(response.statusCode).toBe(400)
  })
})

describe('GET /accounts/:id', () => {
  it('returns a stored account', async () => {
    const created = (await signUp('reader@example.com')).json()
    const response = await app.inject({ headers: authorised, method: 'GET', url: `/accounts/${created.id}` })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual(created)
  })

  it('answers 404 for an unknown id', async () => {
    const response = await app.inject({ headers: authorised, method: 'GET', url: '/accounts/00000000-0000-4000-8000-000000000000' })
    expect(response.statusCode).toBe(404)
  })
})

describe('GET /accounts', () => {
  it('pages through every account exactly once', async () => {
    for (let i = 0; i < 5; i++) await signUp(`page-${i}@example.com`)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const url: string = cursor ? `/accounts?limit=2&cursor=${cursor}` : '/accounts?limit=2'
      const page = (await app.inject({ headers: authorised, method: 'GET', url })).json()
      seen.push(...page.accounts.map((account: { id: string }) => account.id))
      cursor = page.nextCursor
    } while (cursor)
    const total = await app.prisma.account.count()
    expect(seen).toHaveLength(total)
    expect(new Set(seen).size).toBe(total)
  })
})

describe('PATCH /accounts/:id', () => {
  it('changes the display name and keeps the e-mail', async () => {
    const created = (await signUp('rename@example.com', 'Before')).json()
    const response = await app.inject({ headers: authorised, method: 'PATCH', url: `/accounts/${created.id}`, payload: { displayName: 'After' } })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ email: 'rename@example.com', displayName: 'After' })
  })

  it('answers 409 when the new e-mail belongs to another account', async () => {
    await signUp('taken@example.com')
    const mover = (await signUp('mover@example.com')).json()
    const response = await app.inject({ headers: authorised, method: 'PATCH', url: `/accounts/${mover.id}`, payload: { email: 'Taken@Example.com' } })
    expect(response.statusCode).toBe(409)
  })

  it('answers 404 for an unknown id', async () => {
    const response = await app.inject({
      headers: authorised,
      method: 'PATCH',
      url: '/accounts/00000000-0000-4000-8000-000000000000',
      payload: { displayName: 'Nobody' }
    })
    expect(response.statusCode).toBe(404)
  })
})

describe('DELETE /accounts/:id', () => {
  it('removes the account', async () => {
    const created = (await signUp('leaver@example.com')).json()
    expect((await app.inject({ headers: authorised, method: 'DELETE', url: `/accounts/${created.id}` })).statusCode).toBe(204)
    expect((await app.inject({ headers: authorised, method: 'GET', url: `/accounts/${created.id}` })).statusCode).toBe(404)
  })
})
