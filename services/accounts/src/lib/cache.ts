/** A small key-value cache. Implementations may forget entries at any time. */
export interface Cache<Value> {
  get(key: string): Value | undefined
  set(key: string, value: Value): void
  delete(key: string): void
  clear(): void
  readonly size: number
}

export interface LruCacheOptions {
  /** Entries kept at most; the least recently used one goes first. */
  maxEntries: number
  /** How long an entry is served after it was set. */
  ttlMs: number
  /** The clock, replaceable in tests. */
  now?: () => number
}

interface Entry<Value> {
  value: Value
  expiresAt: number
}

/**
 * An in-process LRU cache with a time to live. A `Map` iterates in insertion order, so re-inserting
 * an entry on every read keeps the least recently used one first.
 */
export function createLruCache<Value>({ maxEntries, ttlMs, now = Date.now }: LruCacheOptions): Cache<Value> {
  const entries = new Map<string, Entry<Value>>()

  return {
    get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      entries.delete(key)
      if (entry.expiresAt <= now()) return undefined
      entries.set(key, entry)
      return entry.value
    },
    set(key, value) {
      entries.delete(key)
      entries.set(key, { value, expiresAt: now() + ttlMs })
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next()
        if (oldest.done) break
        entries.delete(oldest.value)
      }
    },
    delete(key) {
      entries.delete(key)
    },
    clear() {
      entries.clear()
    },
    get size() {
      return entries.size
    }
  }
}

/** A cache that keeps nothing: what `ACCOUNT_CACHE_TTL_MS=0` gives. */
export function createNoCache<Value>(): Cache<Value> {
  return { get: () => undefined, set: () => {}, delete: () => {}, clear: () => {}, size: 0 }
}
