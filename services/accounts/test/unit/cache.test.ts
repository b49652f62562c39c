import { describe, expect, it } from 'vitest'
import type { Account } from '../../src/domain/account.js'
import { createLruCache } from '../../src/lib/cache.js'
import { createAccountCache } from '../../src/services/account-cache.js'

describe('the LRU cache', () => {
  it('serves an entry until its time to live runs out', () => {
    let now = 1_000
    const cache = createLruCache<string>({ maxEntries: 10, ttlMs: 500, now: () => now })
    cache.set('a', 'apple')
    now += 499
    expect(cache.get('a')).toBe('apple')
    now += 1
    expect(cache.get('a')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('evicts the least recently used entry when full', () => {
    const cache = createLruCache<number>({ maxEntries: 2, ttlMs: 60_000 })
    cache.set('a', 1)
    cache.set('b', 2)
    cache.get('a')
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3])
  })
})

describe('the account cache', () => {
  const account = { id: 'a1', email: 'old@example.com', displayName: 'Old' } as Account

  it('finds an account by id and by e-mail', () => {
    const accounts = createAccountCache(createLruCache({ maxEntries: 10, ttlMs: 60_000 }))
    accounts.remember(account)
    expect(accounts.byId('a1')).toBe(account)
    expect(accounts.byEmail('old@example.com')).toBe(account)
  })

  it('forgets the cached e-mail even when told the new one', () => {
    const accounts = createAccountCache(createLruCache({ maxEntries: 10, ttlMs: 60_000 }))
    accounts.remember(account)
    accounts.forget({ id: 'a1', email: 'new@example.com' })
    expect(accounts.byId('a1')).toBeUndefined()
    expect(accounts.byEmail('old@example.com')).toBeUndefined()
  })
})
