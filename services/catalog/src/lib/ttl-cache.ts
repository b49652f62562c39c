/** The little the services need from a cache, so an in-process one can be swapped for a shared one. */
export interface Cache<V> {
  get(key: string): V | undefined
  set(key: string, value: V): void
  delete(key: string): void
  clear(): void
}

export interface TtlCacheOptions {
  /** How long an entry is served; 0 turns the cache off. */
  ttlMs: number
  /** The least recently used entries are evicted beyond this. */
  maxEntries: number
  /** Injected by tests to move time forward. */
  now?: () => number
}

interface Entry<V> {
  value: V
  expiresAt: number
}

/**
 * An in-process LRU cache with a time to live. A Map iterates in insertion order, so moving an
 * entry to the end on every hit keeps the least recently used one first.
 */
export class TtlCache<V> implements Cache<V> {
  readonly #entries = new Map<string, Entry<V>>()
  readonly #ttlMs: number
  readonly #maxEntries: number
  readonly #now: () => number

  constructor({ ttlMs, maxEntries, now = Date.now }: TtlCacheOptions) {
    this.#ttlMs = ttlMs
    this.#maxEntries = maxEntries
    this.#now = now
  }

  get size(): number {
    return this.#entries.size
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    if (entry.expiresAt <= this.#now()) return undefined
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V): void {
    if (this.#ttlMs <= 0) return
    this.#entries.delete(key)
    this.#entries.set(key, { value, expiresAt: this.#now() + this.#ttlMs })
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next()
      if (oldest.done) break
      this.#entries.delete(oldest.value)
    }
  }

  delete(key: string): void {
    this.#entries.delete(key)
  }

  clear(): void {
    this.#entries.clear()
  }
}

/** Serves `key` from `cache`, loading and remembering it on a miss. Failed loads are not cached. */
export async function readThrough<V>(cache: Cache<V>, key: string, load: () => Promise<V>): Promise<V> {
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const value = await load()
  cache.set(key, value)
  return value
}
