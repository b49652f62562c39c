import { afterEach, describe, expect, it } from 'vitest'
import { SIGNATURE_HEADER, verifySignature } from '../../src/clients/webhook-signature.js'
import { authorised, buildTestApp, placeOrder, type App } from '../helper.js'
import { eventually, startWebhookReceiver, type Responder, type WebhookReceiver } from '../webhook-receiver.js'

const SECRET = 'whsec_relay_test_5b7e01'

let app: App | undefined
let receiver: WebhookReceiver | undefined
afterEach(async () => {
  await app?.close()
  await receiver?.stop()
  app = receiver = undefined
})

/** The app with the partner at a real local server; the relay only runs when a test drains it, unless `polling`. */
async function start(respond?: Responder, { polling = false, env = {} as Record<string, string> } = {}) {
  receiver = await startWebhookReceiver(respond)
  app = await buildTestApp({
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: SECRET,
    WEBHOOK_TIMEOUT_MS: '500',
    WEBHOOK_MAX_ATTEMPTS: '1',
    OUTBOX_RELAY_ENABLED: String(polling),
    OUTBOX_POLL_INTERVAL_MS: '50',
    ...env
  })
  return { app, receiver }
}

async function outboxRows(app: App) {
  return app.prisma.outboxEvent.findMany({ orderBy: { id: 'asc' } })
}

describe('outbox relay', () => {
  it('delivers each change of an order once, in order, signed', async () => {
    const { app, receiver } = await start()
    const order = await placeOrder(app, 'cus_relay0001', { statuses: ['paid', 'shipped'] })
    expect(await app.outboxRelay!.drain()).toBe(1)
    expect(await app.outboxRelay!.drain()).toBe(1)
    expect(await app.outboxRelay!.drain()).toBe(1)
    expect(await app.outboxRelay!.drain()).toBe(0)
    expect(receiver.received.map((request) => [request.json.type, (request.json.order as { status: string }).status])).toEqual([
      ['order.placed', 'pending'],
      ['order.status_changed', 'paid'],
      ['order.status_changed', 'shipped']
    ])
    expect(receiver.received[2]?.json).toMatchObject({ order: { id: order.id, customerId: 'cus_relay0001' }, previousStatus: 'paid', actor: 'tests' })
    for (const request of receiver.received) expect(verifySignature(SECRET, request.body, String(request.headers[SIGNATURE_HEADER]))).toBe(true)
    expect((await outboxRows(app)).every((event) => event.deliveredAt !== null && event.attempts === 1)).toBe(true)
  })

  it('delivers the events of different orders in one batch', async () => {
    const { app, receiver } = await start()
    await placeOrder(app, 'cus_relay0002')
    await placeOrder(app, 'cus_relay0003')
    expect(await app.outboxRelay!.drain()).toBe(2)
    expect(receiver.received.map((request) => (request.json.order as { customerId: string }).customerId)).toEqual(['cus_relay0002', 'cus_relay0003'])
  })

  it('schedules a failed delivery again and holds back the order’s later events meanwhile', async () => {
    const { app, receiver } = await start((index) => ({ status: index === 0 ? 503 : 204 }))
    const order = await placeOrder(app, 'cus_relay0004', { statuses: ['paid'] })
    expect(await app.outboxRelay!.drain()).toBe(0)
    const [placed, paid] = await outboxRows(app)
    expect(placed).toMatchObject({ attempts: 1, deliveredAt: null, failedAt: null, lastError: expect.stringMatching(/503/) })
    expect(placed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 1_000)
    expect(paid).toMatchObject({ attempts: 0, deliveredAt: null })
    // Make the retry due now instead of waiting for its backoff.
    await app.prisma.outboxEvent.update({ where: { id: placed!.id }, data: { nextAttemptAt: new Date(0) } })
    await app.outboxRelay!.drain()
    await app.outboxRelay!.drain()
    expect(receiver.received.map((request) => request.json.type)).toEqual(['order.placed', 'order.placed', 'order.status_changed'])
    expect(receiver.received.every((request) => (request.json.order as { id: number }).id === order.id)).toBe(true)
  })

  it('parks an event the partner refuses as failed; an operator can queue it again', async () => {
    let refuse = true
    const { app, receiver } = await start(() => ({ status: refuse ? 422 : 204 }))
    await placeOrder(app, 'cus_relay0005')
    await app.outboxRelay!.drain()
    const [event] = await outboxRows(app)
    expect(event).toMatchObject({ attempts: 1, failedAt: expect.any(Date), lastError: expect.stringMatching(/422/) })
    const stats = await app.inject({ headers: authorised, method: 'GET', url: '/outbox/stats' })
    expect(stats.json()).toMatchObject({ pending: 0, failed: 1, delivered: 0, relayRunning: true })

    refuse = false
    expect((await app.inject({ headers: authorised, method: 'POST', url: `/outbox/events/${event!.id}/retry` })).statusCode).toBe(202)
    expect(await app.outboxRelay!.drain()).toBe(1)
    expect(receiver.received).toHaveLength(2)
    expect((await app.inject({ headers: authorised, method: 'POST', url: `/outbox/events/${event!.id}/retry` })).statusCode).toBe(409)
  })

  it('parks an event after OUTBOX_MAX_DELIVERIES failed deliveries', async () => {
    const { app } = await start(() => ({ status: 500 }), { env: { OUTBOX_MAX_DELIVERIES: '2' } })
    await placeOrder(app, 'cus_relay0006')
    await app.outboxRelay!.drain()
    await app.prisma.outboxEvent.updateMany({ data: { nextAttemptAt: new Date(0) } })
    await app.outboxRelay!.drain()
    expect(await outboxRows(app)).toMatchObject([{ attempts: 2, failedAt: expect.any(Date) }])
  })

  it('polls on its own when enabled, and stops when the app closes', async () => {
    const { app, receiver } = await start(undefined, { polling: true })
    await placeOrder(app, 'cus_relay0007', { statuses: ['cancelled'] })
    await eventually(() => receiver.received.length === 2)
    await app.close()
    expect(receiver.received.map((request) => request.json.type)).toEqual(['order.placed', 'order.status_changed'])
  })
})

describe('without WEBHOOK_URL', () => {
  it('records events for later and runs no relay', async () => {
    app = await buildTestApp()
    await placeOrder(app, 'cus_norelay01')
    expect(app.outboxRelay).toBeNull()
    const stats = await app.inject({ headers: authorised, method: 'GET', url: '/outbox/stats' })
    expect(stats.json()).toMatchObject({ pending: 1, delivered: 0, failed: 0, relayRunning: false })
    expect((await app.inject({ headers: authorised, method: 'POST', url: '/outbox/events/987654/retry' })).statusCode).toBe(404)
  })
})
