import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from './helper.js'
import { authorised, buildTestApp } from './helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

async function place(customerId: string, lines = [{ sku: 'MUG-BLUE', quantity: 2, unitPriceCents: 1250 }]) {
  const response = await app.inject({ headers: authorised, method: 'POST', url: '/orders', payload: { customerId, lines } })
  expect(response.statusCode).toBe(201)
  return response.json()
}

describe('POST /orders', () => {
  it('places a pending order with its total', async () => {
    const order = await place('cus_alpha1', [
      { sku: 'MUG-BLUE', quantity: 2, unitPriceCents: 1250 },
      { sku: 'TEA-EARL', quantity: 1, unitPriceCents: 899 }
    ])
    expect(order).toMatchObject({ status: 'pending', totalCents: 3399, customerId: 'cus_alpha1' })
    expect(order.lines).toHaveLength(2)
  })

  it('rejects an order without lines', async () => {
    const response = await app.inject({ headers: authorised, method: 'POST', url: '/orders', payload: { customerId: 'cus_alpha1', lines: [] } })
    expect(response.statusCode).toBe(400)
  })
})

describe('POST /orders/:id/status', () => {
  it('moves an order from pending to paid to shipped', async () => {
    const order = await place('cus_beta22')
    for (const status of ['paid', 'shipped']) {
      const response = await app.inject({ headers: authorised, method: 'POST', url: `/orders/${order.id}/status`, payload: { status } })
      expect(response.json().status).toBe(status)
    }
  })

  it('refuses to reopen a shipped order', async () => {
    const order = await place('cus_beta22')
    await app.inject({ headers: authorised, method: 'POST', url: `/orders/${order.id}/status`, payload: { status: 'paid' } })
    await app.inject({ headers: authorised, method: 'POST', url: `/orders/${order.id}/status`, payload: { status: 'shipped' } })
    const response = await app.inject({ headers: authorised, method: 'POST', url: `/orders/${order.id}/status`, payload: { status: 'pending' } })
    expect(response.statusCode).toBe(409)
  })
})

describe('GET /orders', () => {
  it('lists a customer’s orders newest first', async () => {
    const first = await place('cus_gamma3')
    const second = await place('cus_gamma3')
    const listed = (await app.inject({ headers: authorised, method: 'GET', url: '/orders?customerId=cus_gamma3' })).json()
    expect(listed.orders.map((o: { id: number }) => o.id)).toEqual([second.id, first.id])
  })

  it('leaves archived orders out', async () => {
    const kept = await place('cus_eps5555')
    const archived = await place('cus_eps5555')
    expect((await app.inject({ headers: authorised, method: 'DELETE', url: `/orders/${archived.id}` })).statusCode).toBe(204)
    const listed = (await app.inject({ headers: authorised, method: 'GET', url: '/orders?customerId=cus_eps5555' })).json()
    expect(listed.orders.map((o: { id: number }) => o.id)).toEqual([kept.id])
  })

  it('filters by status', async () => {
    const paid = await place('cus_delta4')
    await place('cus_delta4')
    await app.inject({ headers: authorised, method: 'POST', url: `/orders/${paid.id}/status`, payload: { status: 'paid' } })
    const listed = (await app.inject({ headers: authorised, method: 'GET', url: '/orders?customerId=cus_delta4&status=paid' })).json()
    expect(listed.orders.map((o: { id: number }) => o.id)).toEqual([paid.id])
  })
})
