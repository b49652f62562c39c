import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createWebhookClient, WebhookDeliveryError, type WebhookEvent } from '../src/clients/webhook-client.js'
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js'

const event: WebhookEvent = {
  id: 311,
  type: 'product.sold_out',
  sku: 'BKPK-4410',
  occurredAt: '2026-04-14T10:21:07.000Z',
  data: { category: 'travel-bags' }
}

let receiver: WebhookReceiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

describe('webhook client', () => {
  it('posts the event as JSON with its type, delivery id and a signature over the body', async () => {
    receiver = await startWebhookReceiver()
    const secret = 'whsec_3f9a1c0d2b7e4a58'
    await createWebhookClient({ url: receiver.url, secret, timeoutMs: 1_000, retries: 0 }).deliver(event)

    const [delivery] = receiver.deliveries
    expect(delivery?.json).toEqual(event)
    expect(delivery?.headers).toMatchObject({ 'content-type': 'application/json', 'x-catalog-event': 'product.sold_out', 'x-catalog-delivery': '311' })
    const [, timestamp, digest] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivery?.headers['x-catalog-signature'])) ?? []
    expect(digest).toBe(createHmac('sha256', secret).update(`${timestamp}.${delivery?.body}`).digest('hex'))
  })

  it('sends no signature without a secret', async () => {
    receiver = await startWebhookReceiver()
    await createWebhookClient({ url: receiver.url, timeoutMs: 1_000, retries: 0 }).deliver(event)
    expect(receiver.deliveries[0]?.headers['x-catalog-signature']).toBeUndefined()
  })

  it('retries a partner that is briefly unavailable, with the same delivery id', async () => {
    receiver = await startWebhookReceiver([{ status: 503 }, { status: 429 }])
    await createWebhookClient({ url: receiver.url, timeoutMs: 1_000, retries: 2, retryBaseMs: 5 }).deliver(event)
    expect(receiver.deliveries.map((delivery) => delivery.headers['x-catalog-delivery'])).toEqual(['311', '311', '311'])
  })

  it('gives up after its retries and says the failure may pass', async () => {
    receiver = await startWebhookReceiver([{ status: 502 }, { status: 502 }])
    const delivery = createWebhookClient({ url: receiver.url, timeoutMs: 1_000, retries: 1, retryBaseMs: 5 }).deliver(event)
    await expect(delivery).rejects.toMatchObject({ retryable: true, status: 502 })
    expect(receiver.deliveries).toHaveLength(2)
  })

  it('does not retry an event the partner refuses', async () => {
    receiver = await startWebhookReceiver([{ status: 422 }])
    const delivery = createWebhookClient({ url: receiver.url, timeoutMs: 1_000, retries: 3, retryBaseMs: 5 }).deliver(event)
    await expect(delivery).rejects.toBeInstanceOf(WebhookDeliveryError)
    await expect(delivery).rejects.toMatchObject({ retryable: false, status: 422 })
    expect(receiver.deliveries).toHaveLength(1)
  })

  it('stops waiting for a partner that does not answer in time', async () => {
    receiver = await startWebhookReceiver([{ status: 204, delayMs: 500 }])
    const delivery = createWebhookClient({ url: receiver.url, timeoutMs: 100, retries: 0 }).deliver(event)
    await expect(delivery).rejects.toThrow(/no answer within 100 ms/)
  })

  it('reports a partner that cannot be reached as worth retrying', async () => {
    receiver = await startWebhookReceiver()
    const url = receiver.url
    await receiver.close()
    receiver = undefined
    await expect(createWebhookClient({ url, timeoutMs: 500, retries: 0 }).deliver(event)).rejects.toMatchObject({ retryable: true })
  })
})
