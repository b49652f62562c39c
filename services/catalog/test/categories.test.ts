import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type App } from './helper.js'
import { createProduct, get, patchProduct } from './fixtures.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

const countOf = async (category: string) =>
  (await get(app, '/categories')).json().find((entry: { category: string }) => entry.category === category)?.productCount

describe('GET /categories', () => {
  it('counts active products per category, sold out or not', async () => {
    await createProduct(app, { category: 'kitchen-tableware' })
    await createProduct(app, { category: 'kitchen-tableware', stock: 0 })
    expect(await countOf('kitchen-tableware')).toBe(2)
  })

  it('is up to date right after a product is added or moved', async () => {
    const planter = await createProduct(app, { category: 'garden-decor' })
    expect(await countOf('garden-decor')).toBe(1)
    await createProduct(app, { category: 'garden-decor' })
    expect(await countOf('garden-decor')).toBe(2)
    await patchProduct(app, planter.sku, { category: 'garden-tools' })
    expect(await countOf('garden-decor')).toBe(1)
    expect(await countOf('garden-tools')).toBe(1)
  })
})
