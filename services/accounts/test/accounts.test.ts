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

const unknownId = '00000000-0000-4000-8000-000000000000'

function post(payload: Record<string, unknown>) {
  return app.inject({ headers: authorised, method: 'POST', url: '/accounts', payload })
}

function patch(id: string, payload: Record<string, unknown>) {
  return app.inject({ headers: authorised, method: 'PATCH', url: `/accounts/${id}`, payload })
}

function get(url: string) {
  return app.inject({ headers: authorised, method: 'GET', url })
}

describe('POST /accounts', () => {
  it('creates an account, stores the e-mail normalised and records the API client', async () => {
    const response = await post({ email: 'Mixed.Case@Example.com', displayName: 'Mixed Case' })
    expect(response.statusCode).toBe(201)
    const account = response.json()
    expect(account).toMatchObject({ email: 'mixed.case@example.com', displayName: 'Mixed Case', status: 'active', createdBy: testClient })
    expect(response.headers.location).toBe(`/accounts/${account.id}`)
    const stored = await app.prisma.account.findUniqueOrThrow({ where: { id: account.id } })
    expect(stored.email).toBe('mixed.case@example.com')
  })

  it('fills in the default profile, and takes the one given', async () => {
    expect(await signUp(app)).toMatchObject({ locale: 'en-GB', timeZone: 'UTC', marketingOptIn: false })
    const chosen = await signUp(app, { ...newPerson(), locale: 'pt-br', timeZone: 'America/Sao_Paulo', marketingOptIn: true })
    expect(chosen).toMatchObject({ locale: 'pt-BR', timeZone: 'America/Sao_Paulo', marketingOptIn: true })
  })

  it('rejects an invalid e-mail with 400', async () => {
    const response = await post({ email: 'not-an-email', displayName: 'Nobody' })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toMatch(/email/)
  })

  it('rejects a missing display name and an unknown time zone with 400', async () => {
    expect((await post({ email: 'x@example.com' })).statusCode).toBe(400)
    const response = await post({ ...newPerson(), timeZone: 'Europe/Atlantis' })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toMatch(/time zone/)
  })

  it('stores a phone number in E.164, and none when none is given', async () => {
    const response = await post({ ...newPerson(), phone: '+351 912 345 678' })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ phone: '+351912345678', referredBy: null })
    expect((await app.prisma.account.findUniqueOrThrow({ where: { id: response.json().id } })).phone).toBe('+351912345678')
    expect((await signUp(app)).phone).toBeNull()
  })

  it('rejects a phone number without its country code with 400', async () => {
    const response = await post({ ...newPerson(), phone: '912 345 678' })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toMatch(/phone/)
  })

  it('refuses a disposable address with 422 and stores nothing', async () => {
    const response = await post({ email: 'quick.signup@mailinator.com', displayName: 'Throwaway' })
    expect(response.statusCode).toBe(422)
    expect(await app.prisma.account.count({ where: { email: 'quick.signup@mailinator.com' } })).toBe(0)
  })
})

describe('GET /accounts/:id', () => {
  it('returns a stored account', async () => {
    const created = await signUp(app)
    const response = await get(`/accounts/${created.id}`)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual(created)
  })

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await get(`/accounts/${unknownId}`)).statusCode).toBe(404)
    expect((await get('/accounts/42')).statusCode).toBe(400)
  })
})

describe('GET /accounts', () => {
  async function collect(query: string) {
    const seen: { id: string; createdAt: string }[] = []
    let cursor: string | null = null
    do {
      const url: string = `/accounts?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await get(url)).json()
      seen.push(...page.accounts)
      cursor = page.nextCursor
    } while (cursor)
    return seen
  }

  it('pages through every account exactly once, newest first', async () => {
    for (let i = 0; i < 5; i++) await signUp(app)
    const seen = await collect('')
    const total = await app.prisma.account.count()
    expect(seen).toHaveLength(total)
    expect(new Set(seen.map((account) => account.id)).size).toBe(total)
    const times = seen.map((account) => account.createdAt)
    expect(times).toEqual([...times].sort().reverse())
  })

  it('filters by status and by part of the name or e-mail', async () => {
    const suspended = await signUp(app, { email: 'filtered.person@globex.net', displayName: 'Filtered Ferreira' })
    await app.inject({ headers: authorised, method: 'POST', url: `/accounts/${suspended.id}/suspend`, payload: { reason: 'test' } })
    expect((await collect('&status=suspended')).map((account) => account.id)).toEqual([suspended.id])
    expect((await collect('&q=FERREIRA')).map((account) => account.id)).toEqual([suspended.id])
    expect((await collect('&q=globex.net')).map((account) => account.id)).toEqual([suspended.id])
  })

  it('answers 400 for a cursor it did not hand out, and for a limit out of range', async () => {
    expect((await get('/accounts?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400)
    expect((await get('/accounts?limit=0')).statusCode).toBe(400)
    expect((await get('/accounts?limit=101')).statusCode).toBe(400)
  })
})

describe('GET /accounts/lookup', () => {
  it('finds an account by e-mail in any letter case', async () => {
    const created = await signUp(app)
    const response = await get(`/accounts/lookup?email=${encodeURIComponent(created.email.toUpperCase())}`)
    expect(response.statusCode).toBe(200)
    expect(response.json().id).toBe(created.id)
  })

  it('answers 404 for an address nobody has, without echoing it', async () => {
    const response = await get('/accounts/lookup?email=nobody.here%40example.com')
    expect(response.statusCode).toBe(404)
    expect(response.json().message).not.toContain('nobody.here')
  })

  it('follows an e-mail change at once, although lookups are cached', async () => {
    const created = await signUp(app)
    await get(`/accounts/lookup?email=${encodeURIComponent(created.email)}`)
    const moved = newPerson().email
    expect((await patch(created.id, { email: moved })).statusCode).toBe(200)
    expect((await get(`/accounts/lookup?email=${encodeURIComponent(created.email)}`)).statusCode).toBe(404)
    expect((await get(`/accounts/lookup?email=${encodeURIComponent(moved)}`)).json().id).toBe(created.id)
  })
})

describe('PATCH /accounts/:id', () => {
  it('changes the display name and keeps the e-mail', async () => {
    const created = await signUp(app, { ...newPerson(), displayName: 'Before' })
    const response = await patch(created.id, { displayName: 'After' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ email: created.email, displayName: 'After', updatedBy: testClient })
    expect((await get(`/accounts/${created.id}`)).json().displayName).toBe('After')
  })

  it('answers 409 when the new e-mail belongs to another account, and changes nothing', async () => {
    const owner = await signUp(app)
    const mover = await signUp(app)
    const response = await patch(mover.id, { email: owner.email.toUpperCase(), displayName: 'Renamed' })
    expect(response.statusCode).toBe(409)
    expect(response.json().message).toContain(owner.email)
    const stored = await app.prisma.account.findUniqueOrThrow({ where: { id: mover.id } })
    expect(stored).toMatchObject({ email: mover.email, displayName: mover.displayName })
  })

  it('keeps the e-mail of a suspended account (422) but not its other details', async () => {
    const created = await signUp(app)
    await app.inject({ headers: authorised, method: 'POST', url: `/accounts/${created.id}/suspend`, payload: { reason: 'chargeback' } })
    expect((await patch(created.id, { email: newPerson().email })).statusCode).toBe(422)
    expect((await patch(created.id, { locale: 'fr-FR' })).json().locale).toBe('fr-FR')
  })

  it('changes and removes the phone number, and records it in the history', async () => {
    const created = await signUp(app)
    const changed = await patch(created.id, { phone: '+1 (212) 555-0142' })
    expect(changed.statusCode).toBe(200)
    expect(changed.json().phone).toBe('+12125550142')
    const removed = await patch(created.id, { phone: null })
    expect(removed.json().phone).toBeNull()
    const history = await app.prisma.accountEvent.findMany({ where: { accountId: created.id, type: 'account.updated' }, orderBy: { id: 'asc' } })
    expect(history.map((entry) => entry.changedFields)).toEqual([['phone'], ['phone']])
  })

  it('answers 404 for an unknown id and 400 for an empty change', async () => {
    expect((await patch(unknownId, { displayName: 'Nobody' })).statusCode).toBe(404)
    expect((await patch(unknownId, {})).statusCode).toBe(400)
  })
})

describe('DELETE /accounts/:id', () => {
  it('removes the account and frees its e-mail', async () => {
    const person = newPerson()
    const created = await signUp(app, person)
    expect((await app.inject({ headers: authorised, method: 'DELETE', url: `/accounts/${created.id}` })).statusCode).toBe(204)
    expect((await get(`/accounts/${created.id}`)).statusCode).toBe(404)
    expect((await post(person)).statusCode).toBe(201)
  })

  it('answers 404 for an unknown id', async () => {
    expect((await app.inject({ headers: authorised, method: 'DELETE', url: `/accounts/${unknownId}` })).statusCode).toBe(404)
  })
})
