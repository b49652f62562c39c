/** What the services need from a cache; an implementation may live elsewhere (Redis) later. */
export interface Cache<Value> {
  get(key: string): Value | undefined
  set(key: string, value: Value): void
  delete(key: string): void
  /** Drops every entry whose key starts with `prefix`. */
  deleteByPrefix(prefix: string): void
  clear(): void
}

export interface TtlCacheOptions {
  ttlMs: number
  maxEntries: number
  now?: () => number
}

interface Entry<Value> {
  value: Value
  expiresAt: number
}

/**
 * An in-process cache: entries expire after `ttlMs`, and beyond `maxEntries` the least recently
 * used one goes. A Map keeps insertion order, so re-inserting on read makes its first key the
 * least recently used. Each instance of the service has its own, so writers invalidate what
 * they change and the TTL bounds how stale another instance can be.
 */
export class TtlCache<Value> implements Cache<Value> {
  readonly #entries = new Map<string, Entry<Value>>()
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

  get(key: string): Value | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    if (entry.expiresAt <= this.#now()) return undefined
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: Value): void {
    if (this.#ttlMs <= 0 || this.#maxEntries <= 0) return
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

  deleteByPrefix(prefix: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key)
  }

  clear(): void {
    this.#entries.clear()
  }
}

/** Returns the cached value, or loads, caches and returns it. */
export async function cached<Value>(cache: Cache<Value>, key: string, load: () => Promise<Value>): Promise<Value> {
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const value = await load()
  cache.set(key, value)
  return value
}
