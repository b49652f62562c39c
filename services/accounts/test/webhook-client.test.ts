import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWebhookClient, signDelivery, WebhookDeliveryError } from '../src/clients/webhook-client.js'
import type { AccountEventDelivery } from '../src/schemas/account-events.js'
import { startPartnerServer, type PartnerServer } from './partner-server.js'

let partner: PartnerServer
beforeEach(async () => {
  partner = await startPartnerServer()
})
afterEach(async () => {
  await partner.close()
})

const delivery: AccountEventDelivery = {
  id: '42',
  type: 'account.created',
  occurredAt: '2026-05-12T09:30:00.000Z',
  data: {
    account: {
      id: '3d9f6a2b-1c4e-4f8a-9b7d-2e5c8a1f0b6d',
      email: 'amara.okafor@outlook.com',
      displayName: 'Amara Okafor',
      locale: 'en-GB',
      timeZone: 'Europe/London',
      marketingOptIn: true,
      status: 'active'
    }
  }
}

const fastRetries = { baseMs: 1, maxMs: 5 }

describe('the webhook client', () => {
  it('POSTs the delivery as JSON with its idempotency key and event type', async () => {
    const client = createWebhookClient({ url: partner.url, timeoutMs: 1_000, maxRetries: 0 })
    await client.deliver(delivery)
    expect(partner.received).toHaveLength(1)
    const [request] = partner.received
    expect(request).toMatchObject({ method: 'POST', url: '/hooks/accounts' })
    expect(request?.headers).toMatchObject({ 'content-type': 'application/json', 'idempotency-key': '42', 'x-accounts-event': 'account.created' })
    expect(JSON.parse(request?.body ?? '')).toEqual(delivery)
    expect(request?.headers['x-accounts-signature']).toBeUndefined()
  })

  it('signs the body when it has a secret, so the partner can verify it', async () => {
    const secret = 'whsec_0123456789abcdef'
    await createWebhookClient({ url: partner.url, secret, timeoutMs: 1_000, maxRetries: 0 }).deliver(delivery)
    const [request] = partner.received
    const [timestampPart, signaturePart] = String(request?.headers['x-accounts-signature']).split(',')
    const timestamp = timestampPart?.replace('t=', '')
    const expected = createHmac('sha256', secret).update(`${timestamp}.${request?.body}`).digest('hex')
    expect(signaturePart).toBe(`v1=${expected}`)
  })

  it('retries a 503 and a 429, then succeeds', async () => {
    partner.reply({ status: 503 }, { status: 429 })
    await createWebhookClient({ url: partner.url, timeoutMs: 1_000, maxRetries: 2, backoff: fastRetries }).deliver(delivery)
    expect(partner.received).toHaveLength(3)
  })

  it('gives up after its retries with a retryable error', async () => {
    partner.reply({ status: 500 }, { status: 502 }, { status: 504 })
    const client = createWebhookClient({ url: partner.url, timeoutMs: 1_000, maxRetries: 1, backoff: fastRetries })
    const error = await client.deliver(delivery).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(WebhookDeliveryError)
    expect(error).toMatchObject({ retryable: true, status: 502 })
    expect(partner.received).toHaveLength(2)
  })

  it('does not retry a 4xx refusal', async () => {
    partner.reply({ status: 422 })
    const client = createWebhookClient({ url: partner.url, timeoutMs: 1_000, maxRetries: 3, backoff: fastRetries })
    await expect(client.deliver(delivery)).rejects.toMatchObject({ retryable: false, status: 422 })
    expect(partner.received).toHaveLength(1)
  })

  it('times out a partner that does not answer', async () => {
    partner.reply({ status: 204, delayMs: 2_000 })
    const client = createWebhookClient({ url: partner.url, timeoutMs: 200, maxRetries: 0 })
    await expect(client.deliver(delivery)).rejects.toThrow(/timed out after 200 ms/)
  })

  it('reports a partner that is down as retryable, without the query string', async () => {
    const url = `${partner.url}?token=secret-token`
    await partner.close()
    const client = createWebhookClient({ url, timeoutMs: 500, maxRetries: 0 })
    const error = await client.deliver(delivery).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ retryable: true })
    expect(String(error)).toMatch(/ECONNREFUSED/)
    expect(String(error)).not.toContain('secret-token')
    partner = await startPartnerServer()
  })
})

describe('signDelivery', () => {
  it('signs the timestamp and the body together', () => {
    expect(signDelivery('k'.repeat(16), '{}', new Date('2026-01-01T00:00:00Z'))).toMatch(/^t=1767225600,v1=[0-9a-f]{64}$/)
  })
})
