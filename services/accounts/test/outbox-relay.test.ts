import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createWebhookClient, WebhookDeliveryError } from '../src/clients/webhook-client.js'
import { createOutboxRelay } from '../src/jobs/outbox-relay.js'
import { toAccountEventDelivery } from '../src/mappers/account-event-delivery.js'
import { createOutboxRepository } from '../src/repositories/outbox-repository.js'
import type { AccountEventDelivery } from '../src/schemas/account-events.js'
import type { App } from './helper.js'
import { authorised, buildTestApp, eventually, signUp } from './helper.js'
import { startPartnerServer, type PartnerServer } from './partner-server.js'

let partner: PartnerServer
beforeEach(async () => {
  partner = await startPartnerServer()
})
afterEach(async () => {
  await partner.close()
})

describe('the outbox relay', () => {
  let app: App
  beforeAll(async () => {
    // No webhook URL: the app writes the outbox, and each test drives its own relay.
    app = await buildTestApp()
  })
  afterAll(async () => {
    await app?.close()
  })
  beforeEach(async () => {
    await app.prisma.outboxMessage.deleteMany()
  })

  function relayTo(url: string, { maxAttempts = 3 } = {}) {
    const webhook = createWebhookClient({ url, timeoutMs: 1_000, maxRetries: 0 })
    return createOutboxRelay({
      outbox: createOutboxRepository(app.prisma),
      publish: (message, signal) => webhook.deliver(toAccountEventDelivery(message), { signal }),
      isPermanentFailure: (error) => error instanceof WebhookDeliveryError && !error.retryable,
      log: app.log,
      intervalMs: 20,
      batchSize: 10,
      maxAttempts,
      leaseMs: 30_000,
      retryBackoff: { baseMs: 1, maxMs: 1 }
    })
  }

  it('delivers what sign-up wrote to the outbox and marks it published', async () => {
    const account = await signUp(app)
    const result = await relayTo(partner.url).drainOnce()
    expect(result).toEqual({ claimed: 1, published: 1, retried: 0, failed: 0 })
    const delivered = JSON.parse(partner.received[0]?.body ?? '') as AccountEventDelivery
    expect(delivered).toMatchObject({ type: 'account.created', data: { account: { id: account.id, email: account.email } } })
    const [message] = await app.prisma.outboxMessage.findMany()
    expect(message).toMatchObject({ attempts: 1, lastError: null, failedAt: null })
    expect(message?.publishedAt).toBeInstanceOf(Date)
    expect((await relayTo(partner.url).drainOnce()).claimed).toBe(0)
  })

  it('sends the events of one account in the order they happened', async () => {
    const account = await signUp(app)
    await app.inject({ headers: authorised, method: 'PATCH', url: `/accounts/${account.id}`, payload: { displayName: 'Renamed' } })
    await app.inject({ headers: authorised, method: 'DELETE', url: `/accounts/${account.id}` })
    await relayTo(partner.url).drainOnce()
    const types = partner.received.map((request) => (JSON.parse(request.body) as AccountEventDelivery).type)
    expect(types).toEqual(['account.created', 'account.updated', 'account.deleted'])
    expect(JSON.parse(partner.received[2]?.body ?? '').data).toEqual({ account: { id: account.id } })
  })

  it('keeps a message the partner could not take and retries it later', async () => {
    await signUp(app)
    partner.reply({ status: 503 })
    const relay = relayTo(partner.url)
    expect(await relay.drainOnce()).toMatchObject({ claimed: 1, retried: 1 })
    const [waiting] = await app.prisma.outboxMessage.findMany()
    expect(waiting).toMatchObject({ attempts: 1, publishedAt: null, failedAt: null })
    expect(waiting?.lastError).toMatch(/answered 503/)
    await eventually(async () => ((await relay.drainOnce()).published === 1 ? true : undefined))
    expect(partner.received).toHaveLength(2)
  })

  it('gives up after the last attempt, and at once on a refusal', async () => {
    await signUp(app)
    partner.reply({ status: 500 }, { status: 500 })
    const relay = relayTo(partner.url, { maxAttempts: 2 })
    await relay.drainOnce()
    await eventually(async () => ((await relay.drainOnce()).failed === 1 ? true : undefined))
    await signUp(app)
    partner.reply({ status: 400 })
    expect(await relay.drainOnce()).toMatchObject({ claimed: 1, failed: 1 })
    const failed = await app.prisma.outboxMessage.findMany({ where: { failedAt: { not: null } } })
    expect(failed.map((message) => message.attempts)).toEqual([2, 1])
    expect((await relay.drainOnce()).claimed).toBe(0)
  })

  it('lets two relays drain at once without sending anything twice', async () => {
    for (let i = 0; i < 6; i++) await signUp(app)
    const results = await Promise.all([relayTo(partner.url).drainOnce(), relayTo(partner.url).drainOnce()])
    expect(results.reduce((sum, result) => sum + result.published, 0)).toBe(6)
    const ids = partner.received.map((request) => request.headers['idempotency-key'])
    expect(new Set(ids).size).toBe(6)
  })
})

describe('the relay inside the app', () => {
  it('starts with the app when a webhook URL is set, delivers signed events, and stops with it', async () => {
    const app = await buildTestApp({
      ACCOUNT_EVENTS_WEBHOOK_URL: partner.url,
      ACCOUNT_EVENTS_WEBHOOK_SECRET: 'whsec_relay_test_secret',
      OUTBOX_POLL_INTERVAL_MS: '50'
    })
    try {
      expect(app.outboxRelay?.running).toBe(true)
      const account = await signUp(app)
      const request = await eventually(() => partner.received.find((received) => received.body.includes(account.id)))
      expect(request.headers['x-accounts-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
      await eventually(async () => ((await app.prisma.outboxMessage.count({ where: { publishedAt: null } })) === 0 ? true : undefined))
    } finally {
      await app.close()
    }
    expect(app.outboxRelay?.running).toBe(false)
  })

  it('does not run without a webhook URL, or when switched off', async () => {
    const withoutUrl = await buildTestApp()
    const switchedOff = await buildTestApp({ ACCOUNT_EVENTS_WEBHOOK_URL: partner.url, OUTBOX_RELAY_ENABLED: 'false' })
    try {
      expect(withoutUrl.outboxRelay).toBeNull()
      expect(switchedOff.outboxRelay).toBeNull()
      await signUp(switchedOff)
      expect(await switchedOff.prisma.outboxMessage.count({ where: { topic: 'account.created', publishedAt: null } })).toBe(1)
    } finally {
      await Promise.all([withoutUrl.close(), switchedOff.close()])
    }
  })
})
