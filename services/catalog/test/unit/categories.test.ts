import { describe, expect, it } from 'vitest'
import { byProductCountDescending, categoryPage } from '../../src/domain/categories.js'

const alphabetical = [
  { category: 'home-bags', productCount: 2 },
  { category: 'home-decor', productCount: 7 },
  { category: 'home-tools', productCount: 2 }
]

describe('byProductCountDescending', () => {
  it('puts the largest first and, sorting stably, keeps ties in their order', () => {
    expect([...alphabetical].sort(byProductCountDescending).map((summary) => summary.category)).toEqual(['home-decor', 'home-bags', 'home-tools'])
  })
})

describe('categoryPage', () => {
  it('finds a category and its neighbours', () => {
    expect(categoryPage(alphabetical, 'home-decor')).toEqual({ category: 'home-decor', productCount: 7, previous: 'home-bags', next: 'home-tools' })
  })

  it('answers null past either end, and undefined for a category not listed', () => {
    expect(categoryPage(alphabetical, 'home-bags')?.previous).toBeNull()
    expect(categoryPage(alphabetical, 'home-tools')?.next).toBeNull()
    expect(categoryPage(alphabetical, 'home-lighting')).toBeUndefined()
  })
})
