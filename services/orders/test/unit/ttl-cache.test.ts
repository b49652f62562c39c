import { describe, expect, it } from 'vitest'
import { NoCache, TtlCache } from '../../src/lib/ttl-cache.js'

function cacheAt(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const clock = { now: 1_000 }
  const cache = new TtlCache<string, number>({ ttlMs: options.ttlMs ?? 100, maxEntries: options.maxEntries ?? 10, now: () => clock.now })
  return { cache, clock }
}

describe('TtlCache', () => {
  it('returns what was set until it expires', () => {
    const { cache, clock } = cacheAt()
    cache.set('a', 1)
    clock.now += 99
    expect(cache.get('a')).toBe(1)
    clock.now += 1
    expect(cache.get('a')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('drops the least recently used entry when full', () => {
    const { cache } = cacheAt({ maxEntries: 2 })
    cache.set('a', 1)
    cache.set('b', 2)
    cache.get('a')
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3])
  })

  it('restarts the clock of an entry set again', () => {
    const { cache, clock } = cacheAt()
    cache.set('a', 1)
    clock.now += 80
    cache.set('a', 2)
    clock.now += 80
    expect(cache.get('a')).toBe(2)
  })

  it('deletes and clears', () => {
    const { cache } = cacheAt()
    cache.set('a', 1)
    cache.set('b', 2)
    cache.delete('a')
    expect(cache.get('a')).toBeUndefined()
    cache.clear()
    expect(cache.size).toBe(0)
  })

  it('refuses a TTL or size that would cache nothing', () => {
    expect(() => new TtlCache({ ttlMs: 0, maxEntries: 1 })).toThrow(RangeError)
    expect(() => new TtlCache({ ttlMs: 1, maxEntries: 0 })).toThrow(RangeError)
  })
})

describe('NoCache', () => {
  it('forgets at once', () => {
    const cache = new NoCache<string, number>()
    cache.set('a', 1)
    expect(cache.get('a')).toBeUndefined()
  })
})
