import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, expectStatus, providerEvent, walletApi, type App } from '../helper.js'

let app: App
let api: ReturnType<typeof walletApi>
beforeAll(async () => {
  app = await buildTestApp()
  api = walletApi(app)
})
afterAll(async () => {
  await app?.close()
})

const balanceOf = async (customerId: string) => (await api.send('GET', `/wallets/${customerId}`)).json<{ balanceCents: number }>().balanceCents
const inboxRow = (eventId: string) => app.prisma.providerEvent.findUniqueOrThrow({ where: { eventId } })

describe('POST /webhooks/payments', () => {
  it('records a top-up, which the worker applies to the wallet and its ledger', async () => {
    expectStatus(await api.send('POST', '/wallets', { customerId: 'cus_hook1' }), 201)
    const event = providerEvent('cus_hook1', 2_500)
    const delivered = await api.send('POST', '/webhooks/payments', event)
    expectStatus(delivered, 200)
    expect(delivered.json()).toEqual({ received: true, outcome: 'recorded' })
    expect(await balanceOf('cus_hook1')).toBe(0)

    await app.inboxWorker.drainOnce()
    expect(await balanceOf('cus_hook1')).toBe(2_500)
    expect(await inboxRow(event.id)).toMatchObject({ status: 'applied', deliveries: 1 })
    const [entry] = (await api.send('GET', '/wallets/cus_hook1/ledger')).json<{ items: object[] }>().items
    expect(entry).toMatchObject({ kind: 'top_up', amountCents: 2_500, balanceAfterCents: 2_500, reference: event.data.paymentId, actor: 'payment-provider' })
  })

  it('applies an event delivered several times before the worker runs once', async () => {
    expectStatus(await api.send('POST', '/wallets', { customerId: 'cus_hook2' }), 201)
    const event = providerEvent('cus_hook2', 4_000)
    const outcomes = await Promise.all([1, 2, 3].map(async () => (await api.send('POST', '/webhooks/payments', event)).json<{ outcome: string }>().outcome))
    expect(outcomes.sort()).toEqual(['duplicate', 'duplicate', 'recorded'])
    await app.inboxWorker.drainOnce()
    expect(await balanceOf('cus_hook2')).toBe(4_000)
    expect(await inboxRow(event.id)).toMatchObject({ status: 'applied', deliveries: 3 })
  })

  it('fails a top-up for a customer without a wallet, and applies it when the provider retries after the wallet is opened', async () => {
    const event = providerEvent('cus_hook3', 1_800)
    expectStatus(await api.send('POST', '/webhooks/payments', event), 200)
    await app.inboxWorker.drainOnce()
    expect(await inboxRow(event.id)).toMatchObject({ status: 'failed', lastError: 'cus_hook3 has no wallet' })

    expectStatus(await api.send('POST', '/wallets', { customerId: 'cus_hook3' }), 201)
    expect((await api.send('POST', '/webhooks/payments', event)).json()).toEqual({ received: true, outcome: 'requeued' })
    await app.inboxWorker.drainOnce()
    expect(await balanceOf('cus_hook3')).toBe(1_800)
    expect(await inboxRow(event.id)).toMatchObject({ status: 'applied', deliveries: 2, lastError: null })
  })

  it('fails a top-up in another currency than the wallet', async () => {
    expectStatus(await api.send('POST', '/wallets', { customerId: 'cus_hook4', currency: 'EUR' }), 201)
    const event = providerEvent('cus_hook4', 900, { currency: 'USD' })
    expectStatus(await api.send('POST', '/webhooks/payments', event), 200)
    await app.inboxWorker.drainOnce()
    expect(await balanceOf('cus_hook4')).toBe(0)
    expect(await inboxRow(event.id)).toMatchObject({ status: 'failed' })
  })

  it('answers other event types without recording them, and refuses a malformed event', async () => {
    const refund = providerEvent('cus_hook5', 900, { type: 'payment.refunded' })
    expect((await api.send('POST', '/webhooks/payments', refund)).json()).toEqual({ received: true, outcome: 'ignored' })
    expect(await app.prisma.providerEvent.count({ where: { eventId: refund.id } })).toBe(0)
    const event = providerEvent('cus_hook5', 900)
    expectStatus(await api.send('POST', '/webhooks/payments', { ...event, data: { ...event.data, amountCents: 0 } }), 400)
    expectStatus(await api.send('POST', '/webhooks/payments', { ...event, id: 'not-an-event' }), 400)
  })
})
