import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildTestApp, expectStatus, notificationsApi, type App } from '../helper.js'

let app: App
let api: ReturnType<typeof notificationsApi>
beforeAll(async () => {
  app = await buildTestApp({ SMS_SEGMENT_PRICE_CENTS: '7', EMAIL_PRICE_CENTS: '0' })
  api = notificationsApi(app)
  await api.template('code', 'en', 'sms', 'Your code is {{code}}')
  await api.template('note', 'en', 'email', '{{text}}', 'A note')
})
afterAll(async () => {
  await app?.close()
})

async function sent(payload: object, at: string): Promise<string> {
  const response = await api.notify(payload)
  expectStatus(response, 201)
  const { id } = response.json<{ id: string }>()
  await app.prisma.delivery.update({ where: { id }, data: { sentAt: new Date(at) } })
  return id
}

it('exports the deliveries of a range of days as CSV, amounts in euros with a decimal point', async () => {
  const sms = await sent({ template: 'code', channel: 'sms', recipient: '+4915112345678', locale: 'en', variables: { code: 'y'.repeat(2_000) } }, '2025-06-01T00:00:00Z')
  const mail = await sent({ template: 'note', channel: 'email', recipient: 'a,b@example.com', locale: 'en', variables: { text: 'hi' } }, '2025-06-30T23:59:59.999Z')
  await sent({ template: 'code', channel: 'sms', recipient: '+4915112345678', locale: 'en', variables: { code: '1' } }, '2025-07-01T00:00:00Z')

  const response = await api.send('GET', '/reports/deliveries.csv?from=2025-06-01&to=2025-06-30')
  expectStatus(response, 200)
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
  expect(response.body.split('\r\n')).toEqual([
    'delivery_id,sent_at,channel,template,locale,recipient,units,unit_price_eur,cost_eur',
    `${sms},2025-06-01T00:00:00.000Z,sms,code,en,+4915112345678,14,0.07,0.98`,
    `${mail},2025-06-30T23:59:59.999Z,email,note,en,"a,b@example.com",1,0.00,0.00`,
    ''
  ])
})

it('sums deliveries, units and cost per channel, and filters by channel', async () => {
  await sent({ template: 'code', channel: 'sms', recipient: '+4915112345678', locale: 'en', variables: { code: '1' } }, '2024-02-29T12:00:00Z')
  await sent({ template: 'code', channel: 'sms', recipient: '+4915112345678', locale: 'en', variables: { code: 'z'.repeat(200) } }, '2024-02-29T13:00:00Z')
  await sent({ template: 'note', channel: 'email', recipient: 'ana@example.com', locale: 'en', variables: { text: 'x' } }, '2024-02-29T14:00:00Z')

  const summary = await api.send('GET', '/reports/deliveries?from=2024-02-29&to=2024-02-29')
  expect(summary.json()).toEqual({
    from: '2024-02-29',
    to: '2024-02-29',
    channels: [
      { channel: 'email', deliveries: 1, units: 1, costCents: 0 },
      { channel: 'sms', deliveries: 2, units: 3, costCents: 21 }
    ]
  })
  const smsOnly = await api.send('GET', '/reports/deliveries.csv?from=2024-02-29&to=2024-02-29&channel=sms')
  expect(smsOnly.body.trim().split('\r\n')).toHaveLength(3)
})

it('refuses a range that ends before it starts or spans more than a year', async () => {
  expectStatus(await api.send('GET', '/reports/deliveries.csv?from=2025-06-02&to=2025-06-01'), 400)
  expectStatus(await api.send('GET', '/reports/deliveries?from=2024-01-01&to=2025-01-02'), 400)
  expectStatus(await api.send('GET', '/reports/deliveries?from=2024-13-01&to=2025-01-02'), 400)
})
