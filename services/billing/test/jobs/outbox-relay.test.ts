import { afterEach, describe, expect, it } from 'vitest'
import { billingApi, buildTestApp, expectStatus, type App } from '../helper.js'
import { startWebhookReceiver, type Answer, type WebhookReceiver } from '../webhook-receiver.js'

let app: App | undefined
let receiver: WebhookReceiver | undefined
afterEach(async () => {
  await app?.close()
  await receiver?.close()
  app = receiver = undefined
})

/** The app with its relay pointed at a real local receiver. */
async function appWithWebhook(answers: Answer[], env: NodeJS.ProcessEnv = {}) {
  receiver = await startWebhookReceiver(answers)
  app = await buildTestApp({
    BILLING_WEBHOOK_URL: receiver.url,
    BILLING_WEBHOOK_SECRET: 'whsec_test_0123456789',
    BILLING_WEBHOOK_RETRIES: '0',
    OUTBOX_RELAY_ENABLED: 'false',
    ...env
  })
  return { app, receiver, api: billingApi(app) }
}

const outboxRow = (app: App, type: string) => app.prisma.outboxEvent.findFirstOrThrow({ where: { type }, orderBy: { id: 'desc' } })

describe('the outbox relay', () => {
  it('delivers events in order and marks them delivered', async () => {
    const { app, receiver, api } = await appWithWebhook([], { OUTBOX_RELAY_ENABLED: 'true', OUTBOX_POLL_INTERVAL_MS: '50' })
    await api.use('cus_relay1', 'seats', 8, '2025-01-12T08:00:00Z')
    expectStatus(await api.issue('cus_relay1', '2025-01'), 201)
    expectStatus(await api.send('POST', '/customers/cus_relay1/invoices/2025-01/pay', { reference: 'PAY-1' }), 200)

    const received = await receiver.waitFor(2)
    expect(received.map((request) => request.json.type)).toEqual(['invoice.issued', 'invoice.paid'])
    expect(received[0]?.json.data).toMatchObject({ customerId: 'cus_relay1', period: '2025-01', totalCents: 240 })
    await expect.poll(async () => (await outboxRow(app, 'invoice.paid')).deliveredAt, { timeout: 2_000 }).not.toBeNull()
  })

  it('retries a failed delivery later, then gives up on it', async () => {
    const { app, api } = await appWithWebhook([{ status: 503 }, { status: 503 }], { OUTBOX_MAX_ATTEMPTS: '2' })
    await api.issue('cus_relay2', '2025-02')

    expect(await app.outboxRelay?.drainOnce()).toBe(1)
    const retried = await outboxRow(app, 'invoice.issued')
    expect(retried).toMatchObject({ attempts: 1, deliveredAt: null, failedAt: null, lastError: expect.stringContaining('503') })
    expect(retried.availableAt.getTime()).toBeGreaterThan(Date.now())

    // Not due yet: the relay leaves it alone until its retry time.
    expect(await app.outboxRelay?.drainOnce()).toBe(0)
    await app.prisma.outboxEvent.update({ where: { id: retried.id }, data: { availableAt: new Date() } })
    expect(await app.outboxRelay?.drainOnce()).toBe(1)
    expect(await outboxRow(app, 'invoice.issued')).toMatchObject({ attempts: 2, deliveredAt: null, failedAt: expect.any(Date) })
  })

  it('gives up at once on an event the receiver refuses', async () => {
    const { app, api } = await appWithWebhook([{ status: 422 }])
    await api.issue('cus_relay3', '2025-03')
    await app.outboxRelay?.drainOnce()
    expect(await outboxRow(app, 'invoice.issued')).toMatchObject({ attempts: 1, failedAt: expect.any(Date), lastError: expect.stringContaining('422') })
  })

  it('stops with the app, leaving the delivery in progress to its lease', async () => {
    const { app, receiver, api } = await appWithWebhook([{ status: 204, delayMs: 2_000 }], { OUTBOX_RELAY_ENABLED: 'true', OUTBOX_POLL_INTERVAL_MS: '50' })
    await api.issue('cus_relay4', '2025-04')
    await receiver.waitFor(1)
    const event = await outboxRow(app, 'invoice.issued')
    await app.close()
    expect(receiver.received).toHaveLength(1)
    // Claimed but neither delivered nor failed: another instance delivers it once the lease ends.
    expect(event).toMatchObject({ attempts: 0, deliveredAt: null, failedAt: null })
    expect(event.availableAt.getTime()).toBeGreaterThan(Date.now())
  })
})
