import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, listOrders, placeOrder, type App } from '../helper.js'

// The support tool's views across customers: all orders, and one queue per status.
let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe('GET /orders', () => {
  it('lists every customer’s orders, newest first, 20 to a page by default', async () => {
    const placed = []
    for (let index = 0; index < 22; index++) placed.push(await placeOrder(app, index % 2 ? 'cus_queue0001' : 'cus_queue0002'))
    const listed = await listOrders(app, '')
    expect(listed.ids).toEqual(placed.map((order) => order.id).reverse().slice(0, 20))
    expect(listed.next).toBe(listed.ids.at(-1))
  })

  it('lists one status across customers', async () => {
    const mine = await placeOrder(app, 'cus_queue1001', { statuses: ['paid', 'shipped'] })
    const theirs = await placeOrder(app, 'cus_queue1002', { statuses: ['paid', 'shipped'] })
    await placeOrder(app, 'cus_queue1002', { statuses: ['paid'] })
    expect((await listOrders(app, 'status=shipped')).ids).toEqual([theirs.id, mine.id])
  })

  it('pages through a status queue to its end', async () => {
    const cancelled = []
    for (const customerId of ['cus_queue2001', 'cus_queue2002', 'cus_queue2003']) {
      cancelled.push(await placeOrder(app, customerId, { statuses: ['cancelled'] }))
    }
    const first = await listOrders(app, 'status=cancelled&limit=2')
    const second = await listOrders(app, `status=cancelled&limit=2&before=${first.next}`)
    expect([...first.ids, ...second.ids]).toEqual(cancelled.map((order) => order.id).reverse())
    expect(second.next).toBeNull()
  })
})
