import { describe, expect, it } from 'vitest'
import { NoCache, TtlCache } from '../../src/lib/ttl-cache.js'
import type { OrderWithLines } from '../../src/repositories/orders-repository.js'
import { createCustomerHistoryCache, type CustomerPages } from '../../src/services/customer-history-cache.js'

const page = (...ids: number[]) => ids.map((id) => ({ id }) as OrderWithLines)

function historyCache() {
  return createCustomerHistoryCache(new TtlCache<string, CustomerPages>({ ttlMs: 60_000, maxEntries: 100 }))
}

describe('customer history cache', () => {
  it('loads a page once, per status filter and page size', async () => {
    const cache = historyCache()
    let loads = 0
    const load = async () => page(++loads)
    const first = await cache.getOrLoad('cus_a1', {}, { limit: 20 }, load)
    expect(await cache.getOrLoad('cus_a1', {}, { limit: 20 }, load)).toBe(first)
    await cache.getOrLoad('cus_a1', { status: 'paid' }, { limit: 20 }, load)
    await cache.getOrLoad('cus_a1', {}, { limit: 5 }, load)
    await cache.getOrLoad('cus_b2', {}, { limit: 20 }, load)
    expect(loads).toBe(4)
  })

  it('drops all of a customer’s pages on invalidate, and only theirs', async () => {
    const cache = historyCache()
    let loads = 0
    const load = async () => page(++loads)
    await cache.getOrLoad('cus_a1', {}, { limit: 20 }, load)
    await cache.getOrLoad('cus_a1', { status: 'paid' }, { limit: 20 }, load)
    await cache.getOrLoad('cus_b2', {}, { limit: 20 }, load)
    cache.invalidate('cus_a1')
    await cache.getOrLoad('cus_a1', {}, { limit: 20 }, load)
    await cache.getOrLoad('cus_a1', { status: 'paid' }, { limit: 20 }, load)
    await cache.getOrLoad('cus_b2', {}, { limit: 20 }, load)
    expect(loads).toBe(5)
  })

  it('does not keep a page loaded while a write invalidated the customer', async () => {
    const cache = historyCache()
    let release = () => {}
    const slow = cache.getOrLoad('cus_a1', {}, { limit: 20 }, () => new Promise((resolve) => (release = () => resolve(page(1)))))
    cache.invalidate('cus_a1')
    release()
    expect(await slow).toEqual(page(1))
    expect(await cache.getOrLoad('cus_a1', {}, { limit: 20 }, async () => page(2))).toEqual(page(2))
  })

  it('always loads when caching is off', async () => {
    const cache = createCustomerHistoryCache(new NoCache<string, CustomerPages>())
    let loads = 0
    for (let round = 0; round < 3; round++) await cache.getOrLoad('cus_a1', {}, { limit: 20 }, async () => page(++loads))
    expect(loads).toBe(3)
  })
})
