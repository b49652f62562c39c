import { afterEach, describe, expect, it } from 'vitest'
import { createWebhookClient, WebhookDeliveryError, type WebhookClientOptions } from '../../src/clients/webhook-client.js'
import { SIGNATURE_HEADER, verifySignature } from '../../src/clients/webhook-signature.js'
import { silentLog } from '../helper.js'
import { startWebhookReceiver, type Responder, type WebhookReceiver } from '../webhook-receiver.js'

const SECRET = 'whsec_9f2c41d07be35a88'
const delivery = { id: 'evt_41', type: 'order.placed', body: { type: 'order.placed', order: { id: 7, customerId: 'cus_kim0042' } } }

let receiver: WebhookReceiver | undefined
afterEach(async () => {
  await receiver?.stop()
  receiver = undefined
})

async function clientFor(respond: Responder, options: Partial<WebhookClientOptions> = {}) {
  receiver = await startWebhookReceiver(respond)
  return createWebhookClient({
    url: receiver.url,
    secret: SECRET,
    timeoutMs: 500,
    maxAttempts: 3,
    log: silentLog,
    backoff: { baseMs: 10, maxMs: 50 },
    ...options
  })
}

describe('webhook client', () => {
  it('POSTs the event as signed JSON with its id and type', async () => {
    const client = await clientFor(() => ({ status: 202 }))
    expect(await client.deliver(delivery)).toEqual({ status: 202, attempts: 1 })
    const [request] = receiver!.received
    expect(request?.json).toEqual({ id: 'evt_41', ...delivery.body })
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers['x-orders-event-id']).toBe('evt_41')
    expect(verifySignature(SECRET, request!.body, String(request?.headers[SIGNATURE_HEADER]))).toBe(true)
    expect(verifySignature('whsec_someone_else_00', request!.body, String(request?.headers[SIGNATURE_HEADER]))).toBe(false)
  })

  it('sends no signature without a secret', async () => {
    const client = await clientFor(() => ({ status: 204 }), { secret: undefined })
    await client.deliver(delivery)
    expect(receiver!.received[0]?.headers[SIGNATURE_HEADER]).toBeUndefined()
  })

  it('retries a 503 and a timeout, then succeeds', async () => {
    const client = await clientFor((index) => [{ status: 503 }, { status: 204, delayMs: 1_000 }, { status: 204 }][index] ?? { status: 204 })
    expect(await client.deliver(delivery)).toEqual({ status: 204, attempts: 3 })
    expect(receiver!.received.map((request) => request.json.id)).toEqual(['evt_41', 'evt_41', 'evt_41'])
  })

  it('gives up after maxAttempts with a retryable error', async () => {
    const client = await clientFor(() => ({ status: 500 }))
    const error = await client.deliver(delivery).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(WebhookDeliveryError)
    expect(error).toMatchObject({ retryable: true, attempts: 3 })
    expect((error as Error).message).toMatch(/answered 500/)
  })

  it('does not retry a request the partner refuses', async () => {
    const client = await clientFor(() => ({ status: 410 }))
    await expect(client.deliver(delivery)).rejects.toMatchObject({ retryable: false, attempts: 1 })
    expect(receiver!.received).toHaveLength(1)
  })

  it('waits as long as Retry-After asks, within its bound', async () => {
    const client = await clientFor((index) => (index === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 204 }), {
      backoff: { baseMs: 10, maxMs: 200 }
    })
    const started = Date.now()
    await client.deliver(delivery)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
  })

  it('reports an unreachable partner as retryable', async () => {
    const client = await clientFor(() => ({ status: 204 }))
    await receiver!.stop()
    await expect(client.deliver(delivery)).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/could not be reached/) })
    receiver = undefined
  })

  it('stops at once when its signal aborts', async () => {
    const client = await clientFor(() => ({ status: 204, delayMs: 2_000 }), { timeoutMs: 5_000 })
    const controller = new AbortController()
    const delivering = client.deliver(delivery, { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(delivering).rejects.toThrow(/abort/i)
  })
})
