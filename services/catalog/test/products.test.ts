import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorised, buildTestApp, testClient, type App } from './helper.js'
import { createProduct, get, newProduct, patchProduct } from './fixtures.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

const skus = (page: { products: { sku: string }[] }) => page.products.map((product) => product.sku)

describe('POST /products', () => {
  it('creates an active product recorded against the API client', async () => {
    const product = await createProduct(app, { description: 'Soft and warm', stock: 8 })
    expect(product).toMatchObject({ active: true, description: 'Soft and warm', stock: 8, availability: 'in_stock', updatedBy: testClient })
  })

  it('starts with no stock and no description when none are given', async () => {
    const { sku, name, category, priceCents } = newProduct()
    const response = await app.inject({ headers: authorised, method: 'POST', url: '/products', payload: { sku, name, category, priceCents } })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ sku, description: '', stock: 0, availability: 'sold_out' })
  })

  it('refuses a second product with the same SKU', async () => {
    const product = await createProduct(app)
    const response = await app.inject({ headers: authorised, method: 'POST', url: '/products', payload: newProduct({ sku: product.sku }) })
    expect(response.statusCode).toBe(409)
  })

  it('rejects a negative price and a malformed SKU', async () => {
    for (const overrides of [{ priceCents: -1 }, { sku: 'lower-case' }]) {
      const response = await app.inject({ headers: authorised, method: 'POST', url: '/products', payload: newProduct(overrides) })
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400)
    }
  })
})

describe('GET /products/:sku', () => {
  it('reads a product with its latest changes', async () => {
    const product = await createProduct(app)
    await patchProduct(app, product.sku, { name: 'Renamed before hiding' })
    const response = await get(app, `/products/${product.sku}`)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ sku: product.sku, name: 'Renamed before hiding' })
  })

  it('answers 404 for an unknown SKU', async () => {
    expect((await get(app, '/products/NOPE-404')).statusCode).toBe(404)
  })
})

describe('PATCH /products/:sku', () => {
  it('changes the fields that were sent and keeps the others', async () => {
    const product = await createProduct(app, { stock: 8 })
    const response = await patchProduct(app, product.sku, { priceCents: 2499, stock: 20 })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ priceCents: 2499, stock: 20, name: product.name, category: product.category })
  })

  it('is seen by the next read of the product', async () => {
    const product = await createProduct(app)
    await get(app, `/products/${product.sku}`)
    await patchProduct(app, product.sku, { name: 'Waxed canvas tote', stock: 3 })
    expect((await get(app, `/products/${product.sku}`)).json()).toMatchObject({ name: 'Waxed canvas tote', stock: 3, availability: 'low_stock' })
  })

  it('answers with the product unchanged when nothing differs', async () => {
    const product = await createProduct(app)
    const response = await patchProduct(app, product.sku, { name: product.name, priceCents: product.priceCents })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual(product)
  })

  it('answers 404 for an unknown SKU', async () => {
    expect((await patchProduct(app, 'NOPE-404', { stock: 3 })).statusCode).toBe(404)
  })

  it('rejects an empty change and values out of range', async () => {
    const product = await createProduct(app)
    for (const changes of [{}, { stock: -1 }, { priceCents: 12.5 }, { name: '' }]) {
      expect((await patchProduct(app, product.sku, changes)).statusCode, JSON.stringify(changes)).toBe(400)
    }
  })

  it('keeps every edit when several arrive at once', async () => {
    const product = await createProduct(app)
    const edits = [{ stock: 40 }, { priceCents: 3100 }, { name: 'Quilted apron' }, { description: 'Cotton twill.' }, { category: 'studio-apparel' }]
    const answers = await Promise.all(edits.map((changes) => patchProduct(app, product.sku, changes)))
    expect(answers.map((answer) => answer.statusCode)).toEqual(edits.map(() => 200))
    expect((await get(app, `/products/${product.sku}`)).json()).toMatchObject(Object.assign({}, ...edits))
  })
})

describe('GET /products/:sku/price-history', () => {
  it('lists price changes newest first, page by page', async () => {
    const product = await createProduct(app, { priceCents: 1000 })
    for (const priceCents of [1100, 1200, 1300]) await patchProduct(app, product.sku, { priceCents })

    const first = (await get(app, `/products/${product.sku}/price-history?limit=2`)).json()
    expect(first.items.map((change: { newPriceCents: number }) => change.newPriceCents)).toEqual([1300, 1200])
    expect(first.items[0]).toMatchObject({ oldPriceCents: 1200, changedBy: testClient })
    const second = (await get(app, `/products/${product.sku}/price-history?limit=2&cursor=${first.next}`)).json()
    expect(second).toMatchObject({ items: [{ oldPriceCents: 1000, newPriceCents: 1100 }], next: null })
  })

  it('refuses a cursor it did not hand out', async () => {
    const product = await createProduct(app)
    expect((await get(app, `/products/${product.sku}/price-history?cursor=page-2`)).statusCode).toBe(400)
  })
})

describe('GET /products', () => {
  it('lists active products of a category, in stock only when asked', async () => {
    await createProduct(app, { category: 'home-lighting', stock: 0 })
    const lit = await createProduct(app, { category: 'home-lighting', stock: 4 })
    const all = (await get(app, '/products?category=home-lighting')).json()
    const inStock = (await get(app, '/products?category=home-lighting&inStock=true')).json()
    const either = (await get(app, '/products?category=home-lighting&inStock=false')).json()
    expect(all.products).toHaveLength(2)
    expect(skus(inStock)).toEqual([lit.sku])
    expect(skus(either)).toEqual(skus(all))
  })

  it('filters by price, both ends included', async () => {
    const [cheap, mid, dear] = [
      await createProduct(app, { category: 'desk-stationery', priceCents: 1200 }),
      await createProduct(app, { category: 'desk-stationery', priceCents: 2500 }),
      await createProduct(app, { category: 'desk-stationery', priceCents: 3900 })
    ]
    const listed = async (price: string) => skus((await get(app, `/products?category=desk-stationery&price=${price}`)).json())
    expect(await listed('1200..2500')).toEqual([cheap.sku, mid.sku].sort())
    expect(await listed('2500..')).toEqual([mid.sku, dear.sku].sort())
    expect(await listed('..1200')).toEqual([cheap.sku])
    expect((await get(app, '/products?price=cheap')).statusCode).toBe(400)
  })

  it('pages with after, in SKU order', async () => {
    const created = []
    for (let i = 0; i < 3; i++) created.push((await createProduct(app, { category: 'travel-bags' })).sku)
    const first = (await get(app, '/products?category=travel-bags&limit=2')).json()
    const second = (await get(app, `/products?category=travel-bags&limit=2&after=${first.next}`)).json()
    expect([...skus(first), ...skus(second)]).toEqual([...created].sort())
    expect(second.next).toBeNull()
  })
})

describe('the platform around the routes', () => {
  it('refuses requests without a valid API key', async () => {
    expect((await app.inject({ method: 'GET', url: '/products' })).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: '/products', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401)
  })

  it('answers /health without a key and echoes the request id', async () => {
    const response = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'req-7f3a' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['x-request-id']).toBe('req-7f3a')
  })
})
