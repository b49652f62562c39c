import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildTestApp, expectStatus, notificationsApi, type App } from '../helper.js'

interface Broadcast {
  id: string
  counts: { pending: number; sent: number; failed: number }
  messages: { position: number; recipient: string; locale: string; status: string; reason: string | null; deliveryId: string | null }[]
}

let app: App
let api: ReturnType<typeof notificationsApi>
beforeAll(async () => {
  app = await buildTestApp({ SMS_SEGMENT_PRICE_CENTS: '8' })
  api = notificationsApi(app)
  await api.template('sale', 'en', 'sms', 'Hi {{name}}, {{shop}} takes {{discount}}% off until {{until|date}}')
  await api.template('sale', 'de', 'sms', 'Hallo {{name}}, {{shop}} gibt {{discount}} % Rabatt bis {{until|date}}')
})
afterAll(async () => {
  await app?.close()
})

/** Reads the broadcast until none of its messages is pending. */
async function settled(id: string): Promise<Broadcast> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await api.send('GET', `/broadcasts/${id}`)
    expectStatus(response, 200)
    const broadcast = response.json<Broadcast>()
    if (broadcast.counts.pending === 0) return broadcast
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`broadcast ${id} still has pending messages`)
}

it('accepts a broadcast at once and sends every message in its recipient locale', async () => {
  const response = await api.send('POST', '/broadcasts', {
    template: 'sale',
    channel: 'sms',
    variables: { shop: 'Tischlerei Holz', discount: 20, until: '2026-05-31' },
    recipients: [
      { recipient: '+4915112345678', locale: 'de-AT', variables: { name: 'Jonas' } },
      { recipient: '+447700900123', locale: 'en', variables: { name: 'Ana' } },
      { recipient: '+33612345678', locale: 'fr', variables: { name: 'Léa', shop: 'Atelier Bois' } }
    ]
  })
  expectStatus(response, 202)
  const accepted = response.json<Broadcast>()
  expect(accepted.messages.map((message) => message.recipient)).toEqual(['+4915112345678', '+447700900123', '+33612345678'])

  const broadcast = await settled(accepted.id)
  expect(broadcast.counts).toEqual({ pending: 0, sent: 3, failed: 0 })
  const bodies = []
  for (const message of broadcast.messages) {
    expect(message).toMatchObject({ status: 'sent', reason: null })
    const delivery = await api.send('GET', `/notifications/${message.deliveryId}`)
    expectStatus(delivery, 200)
    expect(delivery.json()).toMatchObject({ recipient: message.recipient, requestId: response.headers['x-request-id'], costCents: 8 })
    bodies.push(delivery.json<{ body: string }>().body)
  }
  expect(bodies).toEqual([
    'Hallo Jonas, Tischlerei Holz gibt 20 % Rabatt bis 31. Mai 2026',
    'Hi Ana, Tischlerei Holz takes 20% off until May 31, 2026',
    'Hi Léa, Atelier Bois takes 20% off until 31 mai 2026'
  ])
})

it('refuses a broadcast it cannot start, and stores nothing of it', async () => {
  const recipients = [{ recipient: '+4915112345678', locale: 'de', variables: { name: 'Jonas' } }]
  const base = { template: 'sale', channel: 'sms', variables: { shop: 'Holz', discount: 5, until: '2026-05-31' }, recipients }
  expectStatus(await api.send('POST', '/broadcasts', { ...base, recipients: [...recipients, { recipient: '015112345678', locale: 'de' }] }), 422)
  expectStatus(await api.send('POST', '/broadcasts', { ...base, template: 'no-such-template' }), 422)
  expectStatus(await api.send('POST', '/broadcasts', { ...base, channel: 'email' }), 422)
  expectStatus(await api.send('POST', '/broadcasts', { ...base, recipients: [] }), 400)
  expectStatus(await api.send('GET', '/broadcasts/00000000-0000-4000-8000-000000000000'), 404)
  expect(await app.prisma.broadcast.count({ where: { templateKey: 'no-such-template' } })).toBe(0)
})
