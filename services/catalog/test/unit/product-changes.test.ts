import { describe, expect, it } from 'vitest'
import type { EditableFields } from '../../src/domain/product.js'
import { changedFields, hasChanges } from '../../src/domain/product-changes.js'

const mug: EditableFields = {
  name: 'Stoneware mug',
  description: 'Holds 350 ml; dishwasher safe.',
  category: 'kitchen-tableware',
  priceCents: 1450,
  stock: 36,
  active: true
}

describe('changedFields', () => {
  it('keeps the fields whose value changes', () => {
    expect(changedFields(mug, { priceCents: 1290, stock: 40 })).toEqual({ priceCents: 1290, stock: 40 })
  })

  it('drops fields sent with the value they already have', () => {
    expect(changedFields(mug, { name: 'Stoneware mug', category: 'kitchen-tableware', stock: 12 })).toEqual({ stock: 12 })
  })

  it('ignores fields that were not sent or sent as undefined', () => {
    expect(changedFields(mug, { name: undefined, description: 'Holds 400 ml.' })).toEqual({ description: 'Holds 400 ml.' })
  })

  it('finds nothing to change in an edit that repeats the product', () => {
    const changes = changedFields(mug, { ...mug })
    expect(changes).toEqual({})
    expect(hasChanges(changes)).toBe(false)
  })

  it('moves a product to another category', () => {
    const changes = changedFields(mug, { category: 'studio-tableware' })
    expect(changes).toEqual({ category: 'studio-tableware' })
    expect(hasChanges(changes)).toBe(true)
  })
})
