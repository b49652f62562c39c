import { describe, expect, it } from 'vitest'
import type { Product } from '../../src/domain/product.js'
import { productCreated, productEdited, stockAdjusted } from '../../src/domain/product-events.js'

const lamp: Product = {
  id: 7,
  sku: 'LAMP-2231',
  name: 'Copper lamp',
  description: 'Brushed copper shade.',
  category: 'home-lighting',
  priceCents: 8900,
  stock: 4,
  active: true,
  createdBy: 'backoffice',
  updatedBy: 'backoffice',
  createdAt: new Date('2026-03-02T09:00:00Z'),
  updatedAt: new Date('2026-03-02T09:00:00Z')
}

const types = (events: { type: string }[]) => events.map((event) => event.type)

describe('productCreated', () => {
  it('announces the new product with what a subscriber needs', () => {
    expect(productCreated(lamp)).toEqual([
      { type: 'product.created', sku: 'LAMP-2231', data: { name: 'Copper lamp', category: 'home-lighting', priceCents: 8900, stock: 4 } }
    ])
  })
})

describe('productEdited', () => {
  it('carries the changes and the values they replaced', () => {
    const [updated] = productEdited(lamp, { ...lamp, name: 'Copper desk lamp' }, { name: 'Copper desk lamp' })
    expect(updated).toEqual({ type: 'product.updated', sku: 'LAMP-2231', data: { changes: { name: 'Copper desk lamp' }, previous: { name: 'Copper lamp' } } })
  })

  it('adds a price change when the price moves', () => {
    const events = productEdited(lamp, { ...lamp, priceCents: 7900 }, { priceCents: 7900 })
    expect(types(events)).toEqual(['product.updated', 'product.price_changed'])
    expect(events[1]).toMatchObject({ data: { oldPriceCents: 8900, newPriceCents: 7900 } })
  })

  it('says when a product sells out and when it is back', () => {
    expect(types(productEdited(lamp, { ...lamp, stock: 0 }, { stock: 0 }))).toEqual(['product.updated', 'product.sold_out'])
    expect(types(productEdited({ ...lamp, stock: 0 }, lamp, { stock: 4 }))).toEqual(['product.updated', 'product.back_in_stock'])
  })

  it('says nothing about availability while stock stays above zero', () => {
    expect(types(productEdited(lamp, { ...lamp, stock: 9 }, { stock: 9 }))).toEqual(['product.updated'])
  })
})

describe('stockAdjusted', () => {
  it('records the movement and the sell-out it caused', () => {
    const events = stockAdjusted(lamp, { ...lamp, stock: 0 }, 'sold')
    expect(events).toEqual([
      { type: 'stock.adjusted', sku: 'LAMP-2231', data: { quantity: -4, reason: 'sold', stockAfter: 0 } },
      { type: 'product.sold_out', sku: 'LAMP-2231', data: { category: 'home-lighting' } }
    ])
  })
})
