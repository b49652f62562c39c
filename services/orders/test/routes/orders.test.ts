import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorised, buildTestApp, placeOrder, TEST_CLIENT, type App, type OrderBody } from '../helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

async function changeStatus(id: number, status: string) {
  return app.inject({ headers: authorised, method: 'POST', url: `/orders/${id}/status`, payload: { status } })
}

describe('POST /orders', () => {
  it('places a pending order with its total, recorded as placed by the client', async () => {
    const order = await placeOrder(app, 'cus_alpha1', {
      lines: [
        { sku: 'MUG-BLUE', quantity: 2, unitPriceCents: 1250 },
        { sku: 'TEA-EARL', quantity: 1, unitPriceCents: 899 }
      ]
    })
    expect(order).toMatchObject({ status: 'pending', totalCents: 3399, customerId: 'cus_alpha1', placedBy: TEST_CLIENT })
    expect(order.lines.map((line) => line.sku)).toEqual(['MUG-BLUE', 'TEA-EARL'])
  })

  it('rejects an order without lines, and a malformed SKU', async () => {
    for (const lines of [[], [{ sku: 'mug blue', quantity: 1, unitPriceCents: 100 }]]) {
      const response = await app.inject({ headers: authorised, method: 'POST', url: '/orders', payload: { customerId: 'cus_alpha1', lines } })
      expect(response.statusCode).toBe(400)
    }
  })

  it('refuses a total larger than an order can hold with 422', async () => {
    const lines = Array.from({ length: 3 }, (_, index) => ({ sku: `SAFE-${index}00`, quantity: 1000, unitPriceCents: 1_000_000 }))
    const response = await app.inject({ headers: authorised, method: 'POST', url: '/orders', payload: { customerId: 'cus_alpha1', lines } })
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toMatch(/split it/)
  })

  it('places one order for a request retried with the same Idempotency-Key', async () => {
    const request = {
      headers: { ...authorised, 'idempotency-key': 'checkout-7f3a9c21' },
      method: 'POST' as const,
      url: '/orders',
      payload: { customerId: 'cus_idem0001', lines: [{ sku: 'LAMP-BRASS', quantity: 1, unitPriceCents: 8900 }] }
    }
    const first = await app.inject(request)
    const retried = await app.inject(request)
    expect([first.statusCode, retried.statusCode]).toEqual([201, 200])
    expect(retried.json().id).toBe(first.json().id)
  })

  it('places one order when both requests with one key arrive at once', async () => {
    const request = {
      headers: { ...authorised, 'idempotency-key': 'checkout-race-0042' },
      method: 'POST' as const,
      url: '/orders',
      payload: { customerId: 'cus_idem0002', lines: [{ sku: 'RUG-JUTE', quantity: 1, unitPriceCents: 12900 }] }
    }
    const answers = await Promise.all([app.inject(request), app.inject(request), app.inject(request)])
    expect(new Set(answers.map((answer) => answer.json().id)).size).toBe(1)
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 200, 201])
  })

  it('refuses an Idempotency-Key reused for a different order', async () => {
    const headers = { ...authorised, 'idempotency-key': 'checkout-reused-01' }
    const payload = { customerId: 'cus_idem0003', lines: [{ sku: 'VASE-CLAY', quantity: 1, unitPriceCents: 3400 }] }
    expect((await app.inject({ headers, method: 'POST', url: '/orders', payload })).statusCode).toBe(201)
    const other = { ...payload, lines: [{ sku: 'VASE-CLAY', quantity: 2, unitPriceCents: 3400 }] }
    expect((await app.inject({ headers, method: 'POST', url: '/orders', payload: other })).statusCode).toBe(422)
  })
})

describe('POST /orders/status-batch', () => {
  it('changes every order of the batch', async () => {
    const orders = await Promise.all(['cus_batch01', 'cus_batch02', 'cus_batch01'].map((customerId) => placeOrder(app, customerId, { statuses: ['paid'] })))
    const ids = orders.map((order) => order.id)
    const response = await app.inject({ headers: authorised, method: 'POST', url: '/orders/status-batch', payload: { ids, status: 'shipped' } })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ changed: ids, failed: [] })
  })

  it('refuses an empty batch and an order listed twice', async () => {
    for (const ids of [[], [7, 7]]) {
      const response = await app.inject({ headers: authorised, method: 'POST', url: '/orders/status-batch', payload: { ids, status: 'paid' } })
      expect(response.statusCode).toBe(400)
    }
  })
})

describe('GET /orders/:id', () => {
  it('reads an order back with its lines in the order they were placed', async () => {
    const lines = [
      { sku: 'PLATE-OAK', quantity: 4, unitPriceCents: 1800 },
      { sku: 'BOWL-ASH', quantity: 2, unitPriceCents: 2200 },
      { sku: 'CUP-LINEN', quantity: 6, unitPriceCents: 650 }
    ]
    const order = await placeOrder(app, 'cus_read0001', { lines })
    const read = await app.inject({ headers: authorised, method: 'GET', url: `/orders/${order.id}` })
    expect(read.statusCode).toBe(200)
    expect(read.json<OrderBody>()).toEqual(order)
  })

  it('answers 404 for an unknown order and 400 for an id that is not one', async () => {
    expect((await app.inject({ headers: authorised, method: 'GET', url: '/orders/987654' })).statusCode).toBe(404)
    expect((await app.inject({ headers: authorised, method: 'GET', url: '/orders/abc' })).statusCode).toBe(400)
  })
})

describe('POST /orders/:id/status', () => {
  it('moves an order from pending to paid to shipped', async () => {
    const order = await placeOrder(app, 'cus_beta22')
    for (const status of ['paid', 'shipped']) {
      const response = await changeStatus(order.id, status)
      expect(response.json().status).toBe(status)
    }
  })

  it('refuses to reopen a shipped order with 409, and keeps it shipped', async () => {
    const order = await placeOrder(app, 'cus_beta22', { statuses: ['paid', 'shipped'] })
    expect((await changeStatus(order.id, 'pending')).statusCode).toBe(409)
    expect((await app.inject({ headers: authorised, method: 'GET', url: `/orders/${order.id}` })).json().status).toBe('shipped')
  })

  it('lets exactly one of two conflicting changes win', async () => {
    const order = await placeOrder(app, 'cus_beta22', { statuses: ['paid'] })
    const answers = await Promise.all([changeStatus(order.id, 'shipped'), changeStatus(order.id, 'cancelled')])
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409])
  })

  it('answers 404 for an unknown order', async () => {
    expect((await changeStatus(987654, 'paid')).statusCode).toBe(404)
  })
})

describe('GET /orders/:id/status-changes', () => {
  it('tells who placed and changed the order, oldest first', async () => {
    const order = await placeOrder(app, 'cus_audit001', { statuses: ['paid'] })
    const cancelled = await app.inject({
      headers: authorised,
      method: 'POST',
      url: `/orders/${order.id}/status`,
      payload: { status: 'cancelled', reason: 'Payment declined' }
    })
    expect(cancelled.statusCode).toBe(200)
    const response = await app.inject({ headers: authorised, method: 'GET', url: `/orders/${order.id}/status-changes` })
    expect(response.statusCode).toBe(200)
    const changes = response.json<{ changes: { from: string | null; to: string; changedBy: string; reason: string | null }[] }>().changes
    expect(changes.map(({ from, to, changedBy, reason }) => ({ from, to, changedBy, reason }))).toEqual([
      { from: null, to: 'pending', changedBy: TEST_CLIENT, reason: null },
      { from: 'pending', to: 'paid', changedBy: TEST_CLIENT, reason: null },
      { from: 'paid', to: 'cancelled', changedBy: TEST_CLIENT, reason: 'Payment declined' }
    ])
  })

  it('answers 404 for an unknown or archived order', async () => {
    const archived = await placeOrder(app, 'cus_audit002')
    await app.inject({ headers: authorised, method: 'DELETE', url: `/orders/${archived.id}` })
    for (const id of [archived.id, 987654]) {
      expect((await app.inject({ headers: authorised, method: 'GET', url: `/orders/${id}/status-changes` })).statusCode).toBe(404)
    }
  })
})

describe('DELETE /orders/:id', () => {
  it('archives an order: it is no longer found, and archiving it again is a 404', async () => {
    const order = await placeOrder(app, 'cus_arch0001')
    expect((await app.inject({ headers: authorised, method: 'DELETE', url: `/orders/${order.id}` })).statusCode).toBe(204)
    expect((await app.inject({ headers: authorised, method: 'GET', url: `/orders/${order.id}` })).statusCode).toBe(404)
    expect((await changeStatus(order.id, 'paid')).statusCode).toBe(404)
    expect((await app.inject({ headers: authorised, method: 'DELETE', url: `/orders/${order.id}` })).statusCode).toBe(404)
  })
})
