import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, testClient, type App } from './helper.js'
import { adjustStock, createProduct, get } from './fixtures.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe('POST /products/:sku/stock-adjustments', () => {
  it('adds goods received and records the movement', async () => {
    const product = await createProduct(app, { stock: 10 })
    const response = await adjustStock(app, product.sku, { quantity: 24, reason: 'received', reference: 'PO-20931' })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      product: { sku: product.sku, stock: 34, availability: 'in_stock' },
      movement: { quantity: 24, reason: 'received', stockAfter: 34, reference: 'PO-20931', recordedBy: testClient }
    })
  })

  it('sells the last units and shows the product as sold out', async () => {
    const product = await createProduct(app, { stock: 3 })
    const response = await adjustStock(app, product.sku, { quantity: -3, reason: 'sold', reference: 'ORD-88412' })
    expect(response.json().product).toMatchObject({ stock: 0, availability: 'sold_out' })
    expect((await get(app, `/products/${product.sku}`)).json()).toMatchObject({ stock: 0, availability: 'sold_out' })
  })

  it('refuses to take out more than there is, and changes nothing', async () => {
    const product = await createProduct(app, { stock: 2 })
    const response = await adjustStock(app, product.sku, { quantity: -5, reason: 'sold' })
    expect(response.statusCode).toBe(409)
    expect(response.json().message).toMatch(/has 2 in stock/)
    expect((await get(app, `/products/${product.sku}`)).json().stock).toBe(2)
  })

  it('counts every one of several adjustments sent at once', async () => {
    const product = await createProduct(app, { stock: 50 })
    const answers = await Promise.all(Array.from({ length: 6 }, () => adjustStock(app, product.sku, { quantity: -4, reason: 'sold' })))
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(6).fill(201))
    expect((await get(app, `/products/${product.sku}`)).json().stock).toBe(26)
  })

  it('answers 422 when the sign contradicts the reason, 400 for a zero quantity, 404 for an unknown SKU', async () => {
    const product = await createProduct(app)
    expect((await adjustStock(app, product.sku, { quantity: -2, reason: 'received' })).statusCode).toBe(422)
    expect((await adjustStock(app, product.sku, { quantity: 0, reason: 'correction' })).statusCode).toBe(400)
    expect((await adjustStock(app, product.sku, { quantity: 2, reason: 'found' })).statusCode).toBe(400)
    expect((await adjustStock(app, 'NOPE-404', { quantity: 2, reason: 'received' })).statusCode).toBe(404)
  })
})

describe('GET /products/:sku/stock-movements', () => {
  it('tells the story of the stock, newest first, page by page', async () => {
    const product = await createProduct(app, { stock: 5 })
    await adjustStock(app, product.sku, { quantity: 20, reason: 'received' })
    await adjustStock(app, product.sku, { quantity: -2, reason: 'sold' })
    await adjustStock(app, product.sku, { quantity: 1, reason: 'returned' })

    const first = (await get(app, `/products/${product.sku}/stock-movements?limit=2`)).json()
    expect(first.items.map((movement: { reason: string; stockAfter: number }) => [movement.reason, movement.stockAfter])).toEqual([
      ['returned', 24],
      ['sold', 23]
    ])
    const rest = (await get(app, `/products/${product.sku}/stock-movements?limit=2&cursor=${first.next}`)).json()
    expect(rest.items.map((movement: { quantity: number }) => movement.quantity)).toEqual([20, 5])
    expect(rest.items[1]).toMatchObject({ reason: 'received', reference: 'opening stock' })
    expect(rest.next).toBeNull()
  })

  it('books a stock set by PATCH as a correction', async () => {
    const product = await createProduct(app, { stock: 9 })
    await app.inject({ headers: { authorization: 'Bearer test-key' }, method: 'PATCH', url: `/products/${product.sku}`, payload: { stock: 14 } })
    const [latest] = (await get(app, `/products/${product.sku}/stock-movements`)).json().items
    expect(latest).toMatchObject({ quantity: 5, reason: 'correction', stockAfter: 14 })
  })

  it('answers 404 for an unknown SKU', async () => {
    expect((await get(app, '/products/NOPE-404/stock-movements')).statusCode).toBe(404)
  })
})
