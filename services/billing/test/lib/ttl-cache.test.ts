import { describe, expect, it } from 'vitest'
import { cached, TtlCache } from '../../src/lib/ttl-cache.js'

function cacheWithClock(options: { ttlMs: number; maxEntries: number }) {
  const clock = { now: 1_000 }
  return { clock, cache: new TtlCache<string>({ ...options, now: () => clock.now }) }
}

describe('TtlCache', () => {
  it('forgets entries after their TTL', () => {
    const { clock, cache } = cacheWithClock({ ttlMs: 100, maxEntries: 10 })
    cache.set('a', 'alpha')
    clock.now += 99
    expect(cache.get('a')).toBe('alpha')
    clock.now += 1
    expect(cache.get('a')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('evicts the least recently used entry when full', () => {
    const { cache } = cacheWithClock({ ttlMs: 1_000, maxEntries: 2 })
    cache.set('a', 'alpha')
    cache.set('b', 'beta')
    cache.get('a')
    cache.set('c', 'gamma')
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['alpha', undefined, 'gamma'])
  })

  it('deletes by key and by prefix', () => {
    const { cache } = cacheWithClock({ ttlMs: 1_000, maxEntries: 10 })
    for (const key of ['cus_1/2026-01', 'cus_1/2026-02', 'cus_2/2026-01']) cache.set(key, key)
    cache.deleteByPrefix('cus_1/')
    cache.delete('nothing-here')
    expect([cache.get('cus_1/2026-01'), cache.get('cus_2/2026-01')]).toEqual([undefined, 'cus_2/2026-01'])
  })

  it('stores nothing when the TTL is 0', () => {
    const { cache } = cacheWithClock({ ttlMs: 0, maxEntries: 10 })
    cache.set('a', 'alpha')
    expect(cache.get('a')).toBeUndefined()
  })

  it('loads a missing value once', async () => {
    const { cache } = cacheWithClock({ ttlMs: 1_000, maxEntries: 10 })
    let loads = 0
    const load = async () => `loaded ${++loads}`
    expect(await cached(cache, 'k', load)).toBe('loaded 1')
    expect(await cached(cache, 'k', load)).toBe('loaded 1')
  })
})
