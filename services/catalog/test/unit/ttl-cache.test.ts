import { describe, expect, it, vi } from 'vitest'
import { readThrough, TtlCache } from '../../src/lib/ttl-cache.js'

function clock(start = 1_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('TtlCache', () => {
  it('serves an entry until its time to live has passed', () => {
    const time = clock()
    const cache = new TtlCache<string>({ ttlMs: 100, maxEntries: 10, now: time.now })
    cache.set('MUG-1001', 'mug')
    time.advance(99)
    expect(cache.get('MUG-1001')).toBe('mug')
    time.advance(1)
    expect(cache.get('MUG-1001')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('evicts the least recently used entry when full', () => {
    const cache = new TtlCache<number>({ ttlMs: 1_000, maxEntries: 2 })
    cache.set('a', 1)
    cache.set('b', 2)
    cache.get('a')
    cache.set('c', 3)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe(1)
    expect(cache.get('c')).toBe(3)
  })

  it('forgets deleted and cleared entries', () => {
    const cache = new TtlCache<number>({ ttlMs: 1_000, maxEntries: 5 })
    cache.set('a', 1)
    cache.set('b', 2)
    cache.delete('a')
    expect(cache.get('a')).toBeUndefined()
    cache.clear()
    expect(cache.size).toBe(0)
  })

  it('keeps nothing with a time to live of 0', () => {
    const cache = new TtlCache<number>({ ttlMs: 0, maxEntries: 5 })
    cache.set('a', 1)
    expect(cache.get('a')).toBeUndefined()
  })
})

describe('readThrough', () => {
  it('loads once and serves the cached value after that', async () => {
    const cache = new TtlCache<string>({ ttlMs: 1_000, maxEntries: 5 })
    const load = vi.fn(async () => 'loaded')
    expect(await readThrough(cache, 'k', load)).toBe('loaded')
    expect(await readThrough(cache, 'k', load)).toBe('loaded')
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('does not remember a failed load', async () => {
    const cache = new TtlCache<string>({ ttlMs: 1_000, maxEntries: 5 })
    await expect(readThrough(cache, 'k', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down')
    expect(cache.get('k')).toBeUndefined()
  })
})
