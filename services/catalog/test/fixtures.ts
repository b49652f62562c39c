import { expect } from 'vitest'
import { authorised, type App } from './helper.js'

const NOUNS = ['tote', 'mug', 'scarf', 'lamp', 'notebook', 'apron', 'planter', 'blanket']
const MATERIALS = ['Canvas', 'Stoneware', 'Merino', 'Copper', 'Recycled', 'Linen', 'Walnut', 'Waxed']

let sequence = 0

/** A valid product body; each call gets its own SKU. */
export function newProduct(overrides: Record<string, unknown> = {}) {
  sequence += 1
  const noun = NOUNS[sequence % NOUNS.length]!
  return {
    sku: `${noun.toUpperCase().slice(0, 4)}-${4000 + sequence}`,
    name: `${MATERIALS[sequence % MATERIALS.length]} ${noun}`,
    description: 'Made in Porto in small batches.',
    category: 'home-textiles',
    priceCents: 2400 + sequence,
    stock: 12,
    ...overrides
  }
}

export async function createProduct(app: App, overrides: Record<string, unknown> = {}) {
  const response = await app.inject({ headers: authorised, method: 'POST', url: '/products', payload: newProduct(overrides) })
  expect(response.statusCode, response.body).toBe(201)
  return response.json()
}

export async function patchProduct(app: App, sku: string, changes: Record<string, unknown>) {
  return app.inject({ headers: authorised, method: 'PATCH', url: `/products/${sku}`, payload: changes })
}

export async function adjustStock(app: App, sku: string, adjustment: Record<string, unknown>) {
  return app.inject({ headers: authorised, method: 'POST', url: `/products/${sku}/stock-adjustments`, payload: adjustment })
}

export async function get(app: App, url: string) {
  return app.inject({ headers: authorised, method: 'GET', url })
}
