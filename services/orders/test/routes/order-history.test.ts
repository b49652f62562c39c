import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorised, buildTestApp, listOrders, placeOrder, type App } from '../helper.js'

// A customer's order history as the app shows it: GET /orders?customerId=…
let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe('GET /orders?customerId', () => {
  it('lists only that customer’s orders, newest first', async () => {
    const first = await placeOrder(app, 'cus_gamma3')
    await placeOrder(app, 'cus_other3')
    const second = await placeOrder(app, 'cus_gamma3')
    const listed = await listOrders(app, 'customerId=cus_gamma3')
    expect(listed.ids).toEqual([second.id, first.id])
    expect(listed.next).toBeNull()
  })

  it('pages through the history with the cursor, each order once', async () => {
    const placed = []
    for (let index = 0; index < 5; index++) placed.push(await placeOrder(app, 'cus_pager55'))
    const newestFirst = placed.map((order) => order.id).reverse()
    const pages: number[][] = []
    let query = 'customerId=cus_pager55&limit=2'
    for (;;) {
      const page = await listOrders(app, query)
      pages.push(page.ids)
      if (page.next === null) break
      expect(page.next).toBe(page.ids.at(-1))
      query = `customerId=cus_pager55&limit=2&before=${page.next}`
    }
    expect(pages).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)])
  })

  it('refuses a limit above 100 or below 1', async () => {
    for (const limit of [0, 101]) {
      expect((await app.inject({ headers: authorised, method: 'GET', url: `/orders?customerId=cus_gamma3&limit=${limit}` })).statusCode).toBe(400)
    }
  })

  it('leaves archived orders out', async () => {
    const kept = await placeOrder(app, 'cus_eps5555')
    const archived = await placeOrder(app, 'cus_eps5555')
    expect((await app.inject({ headers: authorised, method: 'DELETE', url: `/orders/${archived.id}` })).statusCode).toBe(204)
    expect((await listOrders(app, 'customerId=cus_eps5555')).ids).toEqual([kept.id])
  })

  it('shows a new order and a status change at once, though the history is cached', async () => {
    const older = await placeOrder(app, 'cus_cache777')
    expect((await listOrders(app, 'customerId=cus_cache777')).ids).toEqual([older.id])
    const newer = await placeOrder(app, 'cus_cache777')
    expect((await listOrders(app, 'customerId=cus_cache777')).ids).toEqual([newer.id, older.id])
    await app.inject({ headers: authorised, method: 'POST', url: `/orders/${older.id}/status`, payload: { status: 'paid' } })
    const statuses = (await listOrders(app, 'customerId=cus_cache777')).orders.map((order) => order.status)
    expect(statuses).toEqual(['pending', 'paid'])
  })

  it('filters by status', async () => {
    const paid = await placeOrder(app, 'cus_delta4', { statuses: ['paid'] })
    const shipped = await placeOrder(app, 'cus_delta4', { statuses: ['paid', 'shipped'] })
    await placeOrder(app, 'cus_delta4')
    await placeOrder(app, 'cus_zeta666', { statuses: ['paid'] })
    expect((await listOrders(app, 'customerId=cus_delta4&status=paid')).ids).toEqual([paid.id])
    expect((await listOrders(app, 'customerId=cus_delta4&status=shipped')).ids).toEqual([shipped.id])
  })
})
