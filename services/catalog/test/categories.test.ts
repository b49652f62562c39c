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

/** The listed categories among `mine`, in the order GET `url` lists them. */
const orderOf = async (url: string, mine: string[]) => {
  const response = await get(app, url)
  expect(response.statusCode, response.body).toBe(200)
  return response
    .json()
    .map((entry: { category: string; productCount: number }) => `${entry.category}:${entry.productCount}`)
    .filter((entry: string) => mine.includes(entry.split(':')[0]!))
}

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

  it('lists A to Z by default and with sort=name, the largest first with sort=products, ties A to Z', async () => {
    const sizes = { 'studio-bags': 1, 'studio-decor': 3, 'studio-lighting': 2, 'studio-tools': 3 }
    for (const [category, count] of Object.entries(sizes)) {
      for (let i = 0; i < count; i++) await createProduct(app, { category })
    }
    const mine = Object.keys(sizes)
    const alphabetical = ['studio-bags:1', 'studio-decor:3', 'studio-lighting:2', 'studio-tools:3']
    expect(await orderOf('/categories', mine)).toEqual(alphabetical)
    expect(await orderOf('/categories?sort=name', mine)).toEqual(alphabetical)
    const moved = await createProduct(app, { category: 'studio-bags' })
    await patchProduct(app, moved.sku, { category: 'studio-zz-moved' })
    expect(await orderOf('/categories?sort=products', mine)).toEqual(['studio-decor:3', 'studio-tools:3', 'studio-lighting:2', 'studio-bags:1'])
  })

  it('refuses an unknown order', async () => {
    expect((await get(app, '/categories?sort=price')).statusCode).toBe(400)
  })
})

describe('GET /categories/:category', () => {
  it('answers the count and the categories either side, A to Z', async () => {
    for (const category of ['pets-bags', 'pets-decor', 'pets-decor', 'pets-tools']) await createProduct(app, { category })
    const response = await get(app, '/categories/pets-decor')
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ category: 'pets-decor', productCount: 2, previous: 'pets-bags', next: 'pets-tools' })
  })

  it('answers null before the first category and after the last', async () => {
    await createProduct(app, { category: '0-clearance' })
    await createProduct(app, { category: 'zz-archive' })
    expect((await get(app, '/categories/0-clearance')).json().previous).toBeNull()
    expect((await get(app, '/categories/zz-archive')).json().next).toBeNull()
  })

  it('answers 404 for a category without active products, 400 for a malformed one', async () => {
    const only = await createProduct(app, { category: 'travel-lighting' })
    await patchProduct(app, only.sku, { category: 'travel-lamps' })
    expect((await get(app, '/categories/travel-lighting')).statusCode).toBe(404)
    expect((await get(app, '/categories/no-such-category')).statusCode).toBe(404)
    expect((await get(app, '/categories/Not%20a%20slug')).statusCode).toBe(400)
  })
})
