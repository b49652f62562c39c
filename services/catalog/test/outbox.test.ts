import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { authorised, buildTestApp, type App } from './helper.js'
import { adjustStock, createProduct, get, patchProduct } from './fixtures.js'
import { eventually, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js'

interface Entry {
  id: number
  type: string
  sku: string
  status: string
  attempts: number
  lastError: string | null
}

async function outboxEvents(app: App, query = ''): Promise<Entry[]> {
  const response = await get(app, `/outbox/events?limit=100${query}`)
  expect(response.statusCode).toBe(200)
  return response.json().items
}

describe('the outbox', () => {
  let app: App
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('records the events of each change, in the order they happened', async () => {
    const product = await createProduct(app, { stock: 2, priceCents: 1800 })
    await patchProduct(app, product.sku, { priceCents: 1650 })
    await adjustStock(app, product.sku, { quantity: -2, reason: 'sold' })
    const events = (await outboxEvents(app)).filter((event) => event.sku === product.sku).reverse()
    expect(events.map((event) => event.type)).toEqual(['product.created', 'product.updated', 'product.price_changed', 'stock.adjusted', 'product.sold_out'])
    expect(events.every((event) => event.status === 'pending')).toBe(true)
  })

  it('records nothing for an edit that changes nothing', async () => {
    const product = await createProduct(app)
    await patchProduct(app, product.sku, { name: product.name })
    expect((await outboxEvents(app)).filter((event) => event.sku === product.sku).map((event) => event.type)).toEqual(['product.created'])
  })

  it('records nothing for a change that was refused', async () => {
    const product = await createProduct(app, { stock: 1 })
    await adjustStock(app, product.sku, { quantity: -3, reason: 'sold' })
    expect((await outboxEvents(app)).filter((event) => event.sku === product.sku)).toHaveLength(1)
  })

  it('lists the events of one product with sku', async () => {
    const [product, other] = [await createProduct(app, { stock: 8 }), await createProduct(app)]
    await adjustStock(app, product.sku, { quantity: 3, reason: 'received' })
    await patchProduct(app, other.sku, { name: 'Other name' })
    const events = await outboxEvents(app, `&sku=${product.sku}`)
    expect(events.map((event) => [event.sku, event.type])).toEqual([
      [product.sku, 'stock.adjusted'],
      [product.sku, 'product.created']
    ])
    expect((await get(app, '/outbox/events?sku=not-a-sku')).statusCode).toBe(400)
  })

  it('marks events published without a webhook, so the outbox does not grow', async () => {
    const product = await createProduct(app)
    expect(await app.outboxRelay.drain()).toMatchObject({ failed: 0, retrying: 0 })
    expect((await outboxEvents(app, '&status=published')).some((event) => event.sku === product.sku)).toBe(true)
    expect(await outboxEvents(app, '&status=pending')).toEqual([])
  })

  it('answers 404 and 409 when retrying an unknown or an undelivered event', async () => {
    const product = await createProduct(app)
    const [created] = (await outboxEvents(app)).filter((event) => event.sku === product.sku)
    expect((await app.inject({ headers: authorised, method: 'POST', url: '/outbox/events/999999/retry' })).statusCode).toBe(404)
    expect((await app.inject({ headers: authorised, method: 'POST', url: `/outbox/events/${created?.id}/retry` })).statusCode).toBe(409)
  })
})

describe('the outbox relay, delivering to a webhook', () => {
  let receiver: WebhookReceiver
  let app: App | undefined
  beforeAll(async () => {
    receiver = await startWebhookReceiver()
  })
  afterEach(async () => {
    await app?.close()
    app = undefined
  })
  afterAll(async () => {
    await receiver.close()
  })

  it('delivers the events of a change in the background', async () => {
    app = await buildTestApp({ OUTBOX_RELAY_ENABLED: 'true', OUTBOX_POLL_INTERVAL_MS: '20', WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: 'whsec_local_test_0001' })
    const product = await createProduct(app, { stock: 4 })
    await adjustStock(app, product.sku, { quantity: -4, reason: 'sold' })

    const forProduct = () => receiver.deliveries.filter((delivery) => delivery.json.sku === product.sku)
    await eventually(() => forProduct().length === 3)
    expect(forProduct().map((delivery) => delivery.json.type)).toEqual(['product.created', 'stock.adjusted', 'product.sold_out'])
    expect(forProduct()[0]?.headers['x-catalog-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    const pending = async () => (await outboxEvents(app!, '&status=pending')).filter((event) => event.sku === product.sku)
    await eventually(async () => (await pending()).length === 0)
  })

  it('parks an event the partner refuses, and sends it again on request', async () => {
    app = await buildTestApp({ WEBHOOK_URL: receiver.url, WEBHOOK_RETRIES: '0' })
    const product = await createProduct(app)
    receiver.answerNext({ status: 410 })
    expect(await app.outboxRelay.drain()).toMatchObject({ published: 0, failed: 1 })

    const [failed] = await outboxEvents(app, '&status=failed')
    expect(failed).toMatchObject({ sku: product.sku, type: 'product.created', attempts: 1 })
    expect(failed?.lastError).toMatch(/answered 410/)

    const retry = await app.inject({ headers: authorised, method: 'POST', url: `/outbox/events/${failed?.id}/retry` })
    expect(retry.statusCode).toBe(202)
    expect(await app.outboxRelay.drain()).toMatchObject({ published: 1 })
    expect(receiver.deliveries.filter((delivery) => delivery.json.sku === product.sku)).toHaveLength(2)
  })

  it('retries later when the partner is down, and gives up after the last attempt', async () => {
    app = await buildTestApp({ WEBHOOK_URL: receiver.url, WEBHOOK_RETRIES: '0', OUTBOX_MAX_ATTEMPTS: '2' })
    const product = await createProduct(app)
    receiver.answerNext({ status: 503 }, { status: 503 })
    expect(await app.outboxRelay.drain()).toMatchObject({ retrying: 1 })
    const [waiting] = await outboxEvents(app, '&status=pending')
    expect(waiting).toMatchObject({ sku: product.sku, attempts: 1 })
    expect(waiting?.lastError).toMatch(/answered 503/)

    // Make the retry due now instead of after the backoff.
    await app.prisma.outboxEvent.updateMany({ where: { sku: product.sku }, data: { availableAt: new Date(0) } })
    expect(await app.outboxRelay.drain()).toMatchObject({ failed: 1 })
    expect((await outboxEvents(app, '&status=failed'))[0]).toMatchObject({ sku: product.sku, attempts: 2 })
  })
})
