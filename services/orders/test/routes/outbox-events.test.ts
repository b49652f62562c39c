import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorised, buildTestApp, placeOrder, type App } from '../helper.js'

async function recordedTypes(app: App, orderId: number): Promise<string[]> {
  const events = await app.prisma.outboxEvent.findMany({ where: { orderId }, orderBy: { id: 'asc' } })
  return events.map((event) => event.type)
}

describe('outbox events by default', () => {
  let app: App
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('records every type of event', async () => {
    const order = await placeOrder(app, 'cus_events001', { statuses: ['paid'] })
    await app.inject({ headers: authorised, method: 'DELETE', url: `/orders/${order.id}` })
    expect(await recordedTypes(app, order.id)).toEqual(['order.placed', 'order.status_changed', 'order.archived'])
  })
})

describe('outbox events with WEBHOOK_EVENTS', () => {
  let app: App
  beforeAll(async () => {
    app = await buildTestApp({ WEBHOOK_EVENTS: 'order.placed,order.status_changed' })
  })
  afterAll(() => app.close())

  it('records the subscribed types and nothing else', async () => {
    const order = await placeOrder(app, 'cus_events002', { statuses: ['paid', 'shipped'] })
    const archived = await app.inject({ headers: authorised, method: 'DELETE', url: `/orders/${order.id}` })
    expect(archived.statusCode).toBe(204)
    expect(await recordedTypes(app, order.id)).toEqual(['order.placed', 'order.status_changed', 'order.status_changed'])
  })
})
