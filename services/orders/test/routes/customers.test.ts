import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorised, buildTestApp, placeOrder, type App } from '../helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe('GET /customers/:customerId/order-summary', () => {
  it('counts the customer’s live orders by status and what they spent', async () => {
    const line = (unitPriceCents: number) => ({ lines: [{ sku: 'KETTLE-ENAMEL', quantity: 1, unitPriceCents }] })
    await placeOrder(app, 'cus_summary01', { ...line(4000), statuses: ['paid'] })
    await placeOrder(app, 'cus_summary01', { ...line(2500), statuses: ['paid', 'shipped'] })
    await placeOrder(app, 'cus_summary01', { ...line(9900), statuses: ['cancelled'] })
    const last = await placeOrder(app, 'cus_summary01', line(1200))
    const archived = await placeOrder(app, 'cus_summary01', { ...line(50000), statuses: ['paid'] })
    await app.inject({ headers: authorised, method: 'DELETE', url: `/orders/${archived.id}` })
    await placeOrder(app, 'cus_summary02', line(777))

    const response = await app.inject({ headers: authorised, method: 'GET', url: '/customers/cus_summary01/order-summary' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      customerId: 'cus_summary01',
      orders: 4,
      byStatus: { pending: 1, paid: 1, shipped: 1, cancelled: 1 },
      spentCents: 6500,
      lastOrderAt: last.createdAt
    })
  })

  it('answers zeros for a customer without orders, and 400 for a malformed id', async () => {
    const empty = await app.inject({ headers: authorised, method: 'GET', url: '/customers/cus_nobody0/order-summary' })
    expect(empty.json()).toMatchObject({ orders: 0, spentCents: 0, lastOrderAt: null })
    expect((await app.inject({ headers: authorised, method: 'GET', url: '/customers/someone/order-summary' })).statusCode).toBe(400)
  })
})
