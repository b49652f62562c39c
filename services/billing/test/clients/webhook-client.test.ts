import Fastify from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { createWebhookClient, signature, WebhookDeliveryError } from '../../src/clients/webhook-client.js'
import { startWebhookReceiver, type Answer, type WebhookReceiver } from '../webhook-receiver.js'

const log = Fastify({ logger: false }).log
const event = { id: 7, type: 'invoice.issued', createdAt: new Date('2026-02-01T00:00:03Z'), data: { invoiceId: 3, totalCents: 1250 } }

let receiver: WebhookReceiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

async function clientFor(answers: Answer[], options: { retries?: number; timeoutMs?: number; secret?: string } = {}) {
  receiver = await startWebhookReceiver(answers)
  return createWebhookClient({ url: receiver.url, timeoutMs: options.timeoutMs ?? 1_000, retries: options.retries ?? 2, retryDelayMs: 10, secret: options.secret, log })
}

describe('the webhook client', () => {
  it('POSTs the event as signed JSON', async () => {
    const client = await clientFor([], { secret: 'whsec_0123456789abcdef' })
    await client.deliver(event)
    const [request] = receiver!.received
    expect(request?.json).toEqual({ id: 7, type: 'invoice.issued', createdAt: '2026-02-01T00:00:03.000Z', data: { invoiceId: 3, totalCents: 1250 } })
    expect(request?.headers).toMatchObject({ 'content-type': 'application/json', 'x-billing-event-id': '7', 'x-billing-event-type': 'invoice.issued' })
    const timestamp = String(request?.headers['x-billing-timestamp'])
    expect(request?.headers['x-billing-signature']).toBe(signature('whsec_0123456789abcdef', timestamp, request?.body ?? ''))
  })

  it('sends no signature without a secret', async () => {
    const client = await clientFor([])
    await client.deliver(event)
    expect(receiver!.received[0]?.headers['x-billing-signature']).toBeUndefined()
  })

  it('retries a receiver that is briefly down', async () => {
    const client = await clientFor([{ status: 503 }, { status: 502 }])
    await client.deliver(event)
    expect(receiver!.received).toHaveLength(3)
  })

  it('gives up after its retries, saying the delivery may work later', async () => {
    const client = await clientFor([{ status: 500 }, { status: 500 }], { retries: 1 })
    const failure = await client.deliver(event).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(WebhookDeliveryError)
    expect(failure).toMatchObject({ retryable: true, status: 500 })
    expect(receiver!.received).toHaveLength(2)
  })

  it('does not retry an event the receiver refuses', async () => {
    const client = await clientFor([{ status: 400 }])
    await expect(client.deliver(event)).rejects.toMatchObject({ retryable: false, status: 400 })
    expect(receiver!.received).toHaveLength(1)
  })

  it('times out a receiver that does not answer, and retries', async () => {
    const client = await clientFor([{ status: 204, delayMs: 1_000 }], { timeoutMs: 150, retries: 1 })
    await client.deliver(event)
    expect(receiver!.received).toHaveLength(2)
  })

  it('abandons a delivery when asked to', async () => {
    const client = await clientFor([{ status: 204, delayMs: 1_000 }])
    const shutdown = new AbortController()
    const delivering = client.deliver(event, shutdown.signal)
    await receiver!.waitFor(1)
    shutdown.abort(new Error('stopping'))
    await expect(delivering).rejects.toThrow('stopping')
  })

  it('reports an endpoint nobody listens on as retryable', async () => {
    const client = await clientFor([], { retries: 0 })
    const url = receiver!.url
    await receiver!.close()
    receiver = undefined
    await expect(client.deliver(event)).rejects.toMatchObject({ retryable: true })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
  })
})
