import { afterAll, beforeAll, expect, it } from 'vitest'
import { authorised, buildTestApp, expectStatus, notificationsApi, type App } from '../helper.js'

let app: App
let api: ReturnType<typeof notificationsApi>
beforeAll(async () => {
  app = await buildTestApp()
  api = notificationsApi(app)
})
afterAll(async () => {
  await app?.close()
})

it('reports ok while the database answers, and refuses clients without an API key', async () => {
  expectStatus(await app.inject({ method: 'GET', url: '/health' }), 200)
  expectStatus(await app.inject({ method: 'GET', url: '/templates' }), 401)
})

it('stores a template, lists its placeholders and replaces it when written again', async () => {
  const first = await api.template('welcome', 'de', 'email', 'Hallo {{name}}, Ihr Guthaben: {{credit|money}}', 'Willkommen, {{name}}')
  expect(first).toMatchObject({ key: 'welcome', locale: 'de', channel: 'email', placeholders: ['name', 'credit'], updatedBy: 'tests' })
  await api.template('welcome', 'de', 'email', 'Hallo {{name}}!', 'Willkommen')
  const listed = await api.send('GET', '/templates?key=welcome')
  expectStatus(listed, 200)
  expect(listed.json()).toEqual([expect.objectContaining({ locale: 'de', body: 'Hallo {{name}}!', subject: 'Willkommen', placeholders: ['name'] })])
})

it('needs a subject for e-mail and none for SMS', async () => {
  expectStatus(await api.send('PUT', '/templates/reminder/en/email', { body: 'Hi' }), 400)
  expectStatus(await api.send('PUT', '/templates/reminder/en/sms', { body: 'Hi', subject: 'Hi' }), 400)
  expectStatus(await api.send('PUT', '/templates/reminder/en/sms', { body: 'Hi' }), 200)
})

it('deletes a template, then answers 404 for it', async () => {
  await api.template('goodbye', 'fr', 'sms', 'Au revoir')
  expectStatus(await api.send('DELETE', '/templates/goodbye/fr/sms'), 204)
  expectStatus(await api.send('DELETE', '/templates/goodbye/fr/sms'), 404)
})

it('refuses keys and locales of the wrong shape', async () => {
  expectStatus(await app.inject({ headers: authorised, method: 'PUT', url: '/templates/Bad_Key/en/sms', payload: { body: 'x' } }), 400)
  expectStatus(await app.inject({ headers: authorised, method: 'PUT', url: '/templates/ok-key/english/sms', payload: { body: 'x' } }), 400)
})
