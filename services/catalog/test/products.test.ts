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

let counter = 0
function newProduct(overrides: Record<string, unknown> = {}) {
  counter += 1
  return { sku: `TEST-${counter}`, name: `Test product ${counter}`, category: 'tests', priceCents: 1999, stock: 5, ...overrides }
}

async function create(overrides: Record<string, unknown> = {}) {
  const response = await app.inject({ headers: authorised, method: 'POST', url: '/products', payload: newProduct(overrides) })
  expect(response.statusCode).toBe(201)
  return response.json()
}

describe('POST /products', () => {
  it('creates an active product', async () => {
    const product = await create({ description: 'Soft and warm' })
    expect(product).toMatchObject({ active: true, description: 'Soft and warm', stock: 5 })
  })

  it('refuses a second product with the same SKU', async () => {
    const product = await create()
    const response = await app.inject({ headers: authorised, method: 'POST', url: '/products', payload: newProduct({ sku: product.sku }) })
    expect(response.statusCode).toBe(409)
  })

  it('rejects a negative price', async () => {
    const response = await app.inject({ headers: authorised, method: 'POST', url: '/products', payload: newProduct({ priceCents: -1 }) })
    expect(response.statusCode).toBe(400)
  })
})

describe('PATCH /products/:sku', () => {
  it('changes the fields that were sent and keeps the others', async () => {
    const product = await create({ stock: 8 })
    const response = await app.inject({ headers: authorised, method: 'PATCH', url: `/products/${product.sku}`, payload: { priceCents: 2499, stock: 20 } })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ priceCents: 2499, stock: 20, name: product.name, category: product.category })
  })

  it('renames a product', async () => {
    const product = await create()
    const response = await app.inject({ headers: authorised, method: 'PATCH', url: `/products/${product.sku}`, payload: { name: 'Renamed' } })
    expect(response.json()).toMatchObject({ name: 'Renamed', priceCents: product.priceCents })
  })

  it('answers 404 for an unknown SKU', async () => {
    const response = await app.inject({ headers: authorised, method: 'PATCH', url: '/products/NOPE-404', payload: { stock: 3 } })
    expect(response.statusCode).toBe(404)
  })

  it('rejects an empty change', async () => {
    const product = await create()
    const response = await app.inject({ headers: authorised, method: 'PATCH', url: `/products/${product.sku}`, payload: {} })
    expect(response.statusCode).toBe(400)
  })
})

describe('GET /products', () => {
  it('lists active products of a category, in stock only when asked', async () => {
    await create({ category: 'lamps', stock: 0 })
    const lit = await create({ category: 'lamps', stock: 4 })
    const all = (await app.inject({ headers: authorised, method: 'GET', url: '/products?category=lamps' })).json()
    const inStock = (await app.inject({ headers: authorised, method: 'GET', url: '/products?category=lamps&inStock=true' })).json()
    expect(all.products).toHaveLength(2)
    expect(inStock.products.map((p: { sku: string }) => p.sku)).toEqual([lit.sku])
  })

  it('pages with after', async () => {
    for (let i = 0; i < 3; i++) await create({ category: 'pages' })
    const first = (await app.inject({ headers: authorised, method: 'GET', url: '/products?category=pages&limit=2' })).json()
    const second = (await app.inject({ headers: authorised, method: 'GET', url: `/products?category=pages&limit=2&after=${first.next}` })).json()
    expect(first.products).toHaveLength(2)
    expect(second.products).toHaveLength(1)
    expect(second.next).toBeNull()
  })
})

describe('GET /categories', () => {
  it('counts active products per category', async () => {
    await create({ category: 'mugs' })
    await create({ category: 'mugs' })
    const categories = (await app.inject({ headers: authorised, method: 'GET', url: '/categories' })).json()
    expect(categories).toContainEqual({ category: 'mugs', productCount: 2 })
  })
})
