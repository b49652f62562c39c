import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCatalog, type FakeCatalog } from '../fake-catalog.js'
import { authorised, buildTestApp, TEST_CLIENT, type App, type OrderBody } from '../helper.js'

let catalog: FakeCatalog
let app: App
let offline: App
beforeAll(async () => {
  catalog = await startFakeCatalog()
  app = await buildTestApp({ CATALOG_URL: catalog.url, CATALOG_API_KEY: catalog.apiKey, CATALOG_TIMEOUT_MS: '200' })
  offline = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
  await offline?.close()
  await catalog?.stop()
})

function checkout(customerId: string, items: { sku: string; quantity: number }[], headers: Record<string, string> = {}, on: App = app) {
  return on.inject({ headers: { ...authorised, ...headers }, method: 'POST', url: '/checkouts', payload: { customerId, items } })
}

async function ordersOf(customerId: string, on: App = app): Promise<number> {
  const response = await on.inject({ headers: authorised, method: 'GET', url: `/orders?customerId=${customerId}` })
  return response.json<{ orders: OrderBody[] }>().orders.length
}

describe('POST /checkouts', () => {
  it("places an order at catalog's current prices, with the cart's lines in order", async () => {
    catalog.add({ sku: 'CHK-MUG-01', name: 'Stoneware mug', priceCents: 1250, stock: 40 }, { sku: 'CHK-TEA-01', name: 'Earl grey', priceCents: 899, stock: 12 })
    const response = await checkout('cus_check0001', [
      { sku: 'CHK-TEA-01', quantity: 3 },
      { sku: 'CHK-MUG-01', quantity: 2 }
    ])
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json<OrderBody>()).toMatchObject({
      customerId: 'cus_check0001',
      status: 'pending',
      totalCents: 3 * 899 + 2 * 1250,
      placedBy: TEST_CLIENT,
      lines: [
        { sku: 'CHK-TEA-01', quantity: 3, unitPriceCents: 899 },
        { sku: 'CHK-MUG-01', quantity: 2, unitPriceCents: 1250 }
      ]
    })
    const read = await app.inject({ headers: authorised, method: 'GET', url: `/orders/${response.json<OrderBody>().id}` })
    expect(read.json<OrderBody>().totalCents).toBe(5197)
  })

  it("sends orders' API key to catalog and asks for each SKU once", async () => {
    catalog.add({ sku: 'CHK-KEY-01', name: 'Linen napkin', priceCents: 450, stock: 30 })
    const before = catalog.requests.length
    const response = await checkout('cus_check0002', [
      { sku: 'CHK-KEY-01', quantity: 1 },
      { sku: 'CHK-KEY-01', quantity: 4 }
    ])
    expect(response.statusCode, response.body).toBe(201)
    const asked = catalog.requests.slice(before)
    expect(asked.map((request) => [request.method, request.path, request.authorization])).toEqual([['GET', '/products/CHK-KEY-01', `Bearer ${catalog.apiKey}`]])
  })

  it('sells a free item at 0 and exactly the stock that is left', async () => {
    catalog.add({ sku: 'CHK-FREE-01', name: 'Sample sachet', priceCents: 0, stock: 7 })
    const response = await checkout('cus_check0003', [{ sku: 'CHK-FREE-01', quantity: 7 }])
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json<OrderBody>()).toMatchObject({ totalCents: 0, lines: [{ sku: 'CHK-FREE-01', quantity: 7, unitPriceCents: 0 }] })
  })

  it('refuses more than is in stock with 409, counting lines of one SKU together, and places nothing', async () => {
    catalog.add({ sku: 'CHK-LAMP-01', name: 'Brass lamp', priceCents: 8900, stock: 9 }, { sku: 'CHK-GONE-01', name: 'Jute rug', priceCents: 12900, stock: 0 })
    const short = await checkout('cus_check0004', [
      { sku: 'CHK-LAMP-01', quantity: 5 },
      { sku: 'CHK-LAMP-01', quantity: 5 }
    ])
    expect(short.statusCode, short.body).toBe(409)
    expect(short.json().message).toBe('Only 9 of CHK-LAMP-01 left')
    const gone = await checkout('cus_check0004', [{ sku: 'CHK-GONE-01', quantity: 1 }])
    expect(gone.statusCode, gone.body).toBe(409)
    expect(gone.json().message).toBe('CHK-GONE-01 is sold out')
    expect(await ordersOf('cus_check0004')).toBe(0)
  })

  it('refuses an unknown SKU and a discontinued product with 422', async () => {
    catalog.add({ sku: 'CHK-OLD-01', name: 'Wool throw', priceCents: 5900, stock: 20, active: false }, { sku: 'CHK-OK-01', name: 'Tea towel', priceCents: 700, stock: 20 })
    const unknown = await checkout('cus_check0005', [
      { sku: 'CHK-OK-01', quantity: 1 },
      { sku: 'CHK-NONE-01', quantity: 1 }
    ])
    expect(unknown.statusCode, unknown.body).toBe(422)
    expect(unknown.json().message).toMatch(/no product CHK-NONE-01/)
    const discontinued = await checkout('cus_check0005', [{ sku: 'CHK-OLD-01', quantity: 1 }])
    expect(discontinued.statusCode, discontinued.body).toBe(422)
    expect(discontinued.json().message).toBe('CHK-OLD-01 is no longer sold')
    expect(await ordersOf('cus_check0005')).toBe(0)
  })

  it('answers the first order again for a checkout retried with the same Idempotency-Key', async () => {
    catalog.add({ sku: 'CHK-IDEM-01', name: 'Oak board', priceCents: 3400, stock: 15 })
    const items = [{ sku: 'CHK-IDEM-01', quantity: 2 }]
    const headers = { 'idempotency-key': 'cart-5c1e0a77' }
    const first = await checkout('cus_check0006', items, headers)
    const again = await checkout('cus_check0006', items, headers)
    expect([first.statusCode, again.statusCode]).toEqual([201, 200])
    expect(again.json<OrderBody>().id).toBe(first.json<OrderBody>().id)
    expect(await ordersOf('cus_check0006')).toBe(1)
  })

  it('answers 503 without CATALOG_URL, and validates the cart', async () => {
    const off = await checkout('cus_check0007', [{ sku: 'CHK-MUG-01', quantity: 1 }], {}, offline)
    expect(off.statusCode, off.body).toBe(503)
    expect(off.json().message).toMatch(/CATALOG_URL/)
    for (const items of [[], [{ sku: 'CHK-MUG-01', quantity: 0 }], [{ sku: 'chk mug', quantity: 1 }]]) {
      expect((await checkout('cus_check0007', items)).statusCode).toBe(400)
    }
  })
})

describe('POST /checkouts when catalog misbehaves', () => {
  it('tries a read again after a 5xx and after a timeout, and answers 503 when catalog stays down', async () => {
    const flaky = await startFakeCatalog({ fault: (index) => (index === 0 ? { status: 502 } : index === 1 ? { delayMs: 500 } : index >= 2 && index < 5 ? { status: 503 } : undefined) })
    flaky.add({ sku: 'CHK-FLAKY-01', name: 'Enamel jug', priceCents: 2100, stock: 10 })
    const flakyApp = await buildTestApp({ CATALOG_URL: flaky.url, CATALOG_API_KEY: flaky.apiKey, CATALOG_TIMEOUT_MS: '200', CATALOG_MAX_ATTEMPTS: '3' })
    try {
      // A 502, a timeout and a 503: three attempts, all failed.
      const down = await checkout('cus_check0008', [{ sku: 'CHK-FLAKY-01', quantity: 1 }], {}, flakyApp)
      expect(down.statusCode, down.body).toBe(503)
      expect(down.json().message).toMatch(/nothing was ordered/)
      expect(flaky.requests).toHaveLength(3)
      expect(await ordersOf('cus_check0008', flakyApp)).toBe(0)
      // Two more 503s, then an answer.
      const recovered = await checkout('cus_check0008', [{ sku: 'CHK-FLAKY-01', quantity: 1 }], {}, flakyApp)
      expect(recovered.statusCode, recovered.body).toBe(201)
      expect(flaky.requests).toHaveLength(6)
    } finally {
      await flakyApp.close()
      await flaky.stop()
    }
  })

  it('does not repeat a lookup catalog refused: a wrong API key is a 503 after one request', async () => {
    const strict = await startFakeCatalog({ apiKey: 'the-right-key' })
    strict.add({ sku: 'CHK-KEYED-01', name: 'Cork coaster', priceCents: 300, stock: 10 })
    const wrongKey = await buildTestApp({ CATALOG_URL: strict.url, CATALOG_API_KEY: 'a-wrong-key' })
    try {
      const response = await checkout('cus_check0009', [{ sku: 'CHK-KEYED-01', quantity: 1 }], {}, wrongKey)
      expect(response.statusCode, response.body).toBe(503)
      expect(response.json().message).toMatch(/answered 401/)
      expect(strict.requests).toHaveLength(1)
    } finally {
      await wrongKey.close()
      await strict.stop()
    }
  })
})
