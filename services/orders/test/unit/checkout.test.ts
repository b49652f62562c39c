import { describe, expect, it } from 'vitest'
import { toCatalogProduct, type CatalogProductResponse } from '../../src/clients/catalog-client.js'
import { priceCart, skusOf, type CatalogProduct } from '../../src/domain/checkout.js'

const product = (sku: string, unitPriceCents: number, inStock: number, active = true): CatalogProduct => ({ sku, name: sku, unitPriceCents, inStock, active })

describe('priceCart', () => {
  const products = new Map<string, CatalogProduct | null>([
    ['MUG-0001', product('MUG-0001', 1250, 4)],
    ['TEA-0001', product('TEA-0001', 899, 0)],
    ['RUG-0001', product('RUG-0001', 12900, 50, false)],
    ['NOPE-0001', null]
  ])

  it('prices each line at catalog price, in the cart order', () => {
    expect(priceCart([{ sku: 'MUG-0001', quantity: 1 }, { sku: 'MUG-0001', quantity: 3 }], products)).toEqual([
      { sku: 'MUG-0001', quantity: 1, unitPriceCents: 1250 },
      { sku: 'MUG-0001', quantity: 3, unitPriceCents: 1250 }
    ])
  })

  it('counts the lines of one SKU together against its stock', () => {
    expect(() => priceCart([{ sku: 'MUG-0001', quantity: 2 }, { sku: 'MUG-0001', quantity: 3 }], products)).toThrow('Only 4 of MUG-0001 left')
    expect(() => priceCart([{ sku: 'TEA-0001', quantity: 1 }], products)).toThrow('TEA-0001 is sold out')
  })

  it('reports an unknown or discontinued product before a shortage', () => {
    expect(() => priceCart([{ sku: 'TEA-0001', quantity: 1 }, { sku: 'NOPE-0001', quantity: 1 }], products)).toThrow('no product NOPE-0001')
    expect(() => priceCart([{ sku: 'TEA-0001', quantity: 1 }, { sku: 'RUG-0001', quantity: 1 }], products)).toThrow('RUG-0001 is no longer sold')
  })

  it('lists each SKU once', () => {
    expect(skusOf([{ sku: 'B', quantity: 1 }, { sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }])).toEqual(['B', 'A'])
  })
})

describe('toCatalogProduct', () => {
  const answer: CatalogProductResponse = { sku: 'MUG-0001', name: 'Mug', description: '', category: 'kitchen-tableware', priceCents: 1250, stock: 9, availability: 'in_stock', active: true }

  it("keeps catalog's price in cents and its stock", () => {
    expect(toCatalogProduct(answer)).toEqual({ sku: 'MUG-0001', name: 'Mug', unitPriceCents: 1250, inStock: 9, active: true })
  })

  it('counts nothing in stock for a sold-out product', () => {
    expect(toCatalogProduct({ ...answer, stock: 0, availability: 'sold_out' }).inStock).toBe(0)
  })
})
