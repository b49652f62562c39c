import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildTestApp, expectStatus, notificationsApi, type App } from '../helper.js'

let app: App
let api: ReturnType<typeof notificationsApi>
beforeAll(async () => {
  app = await buildTestApp({ SMS_SEGMENT_PRICE_CENTS: '8', EMAIL_PRICE_CENTS: '1' })
  api = notificationsApi(app)
  await api.template('shipped', 'en', 'sms', 'Order {{order}} ({{total|money}}) is on its way')
  await api.template('shipped', 'de', 'sms', 'Bestellung {{order}} ({{total|money}}) ist unterwegs')
  await api.template('shipped', 'en', 'email', 'Hello {{name}}, order {{order}} arrives by {{arrival|date}}.', 'Order {{order}} shipped')
})
afterAll(async () => {
  await app?.close()
})

it('renders the template of the recipient locale and records what was sent and its cost', async () => {
  const response = await api.notify({ template: 'shipped', channel: 'sms', recipient: '+4915112345678', locale: 'de-AT', variables: { order: 'A-1042', total: 124990 } })
  expectStatus(response, 201)
  const delivery = response.json<{ id: string; requestId: string }>()
  expect(delivery).toMatchObject({ template: 'shipped', locale: 'de', body: 'Bestellung A-1042 (€\u00a01.249,90) ist unterwegs', units: 1, unitPriceCents: 8, costCents: 8 })
  expect(delivery.requestId).toBe(response.headers['x-request-id'])
  const read = await api.send('GET', `/notifications/${delivery.id}`)
  expect(read.json()).toEqual(delivery)
})

it('falls back to the fallback locale, keeping the recipient formatting of numbers and dates', async () => {
  const response = await api.notify({ template: 'shipped', channel: 'email', recipient: 'ana@example.com', locale: 'fr', variables: { name: 'Ana', order: 'B-7', arrival: '2026-03-04' } })
  expectStatus(response, 201)
  expect(response.json()).toMatchObject({ locale: 'en', subject: 'Order B-7 shipped', body: 'Hello Ana, order B-7 arrives by 4 mars 2026.', units: 1, costCents: 1 })
})

it('prices a long SMS by its segments', async () => {
  const response = await api.notify({ template: 'shipped', channel: 'sms', recipient: '+447700900123', locale: 'en', variables: { order: 'x'.repeat(300), total: 5 } })
  expectStatus(response, 201)
  expect(response.json()).toMatchObject({ units: 3, costCents: 24 })
})

it('tells apart what the sender got wrong', async () => {
  const base = { template: 'shipped', channel: 'sms', recipient: '+4915112345678', locale: 'en', variables: { order: 'A', total: 1 } }
  expectStatus(await api.notify({ ...base, recipient: '015112345678' }), 422)
  expectStatus(await api.notify({ ...base, template: 'unknown' }), 422)
  expectStatus(await api.notify({ ...base, variables: { order: 'A' } }), 422)
  expectStatus(await api.notify({ ...base, variables: { order: 'A', total: 'twelve euros' } }), 422)
  expectStatus(await api.notify({ ...base, channel: 'fax' }), 400)
  expectStatus(await api.send('GET', '/notifications/00000000-0000-4000-8000-000000000000'), 404)
})
