/** The little a caller needs from a cache; `NoCache` stands in when caching is turned off. */
export interface Cache<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): void
  delete(key: K): void
  clear(): void
  readonly size: number
}

export interface TtlCacheOptions {
  ttlMs: number
  /** The least recently used entry is dropped to make room beyond this. */
  maxEntries: number
  now?: () => number
}

interface Entry<V> {
  value: V
  expiresAt: number
}

/**
 * An in-process cache whose entries expire `ttlMs` after they were set, holding at most
 * `maxEntries` (least recently used out first). A Map keeps insertion order, so moving an
 * entry to the end on every read makes the first key the least recently used one.
 */
export class TtlCache<K, V> implements Cache<K, V> {
  readonly #entries = new Map<K, Entry<V>>()
  readonly #ttlMs: number
  readonly #maxEntries: number
  readonly #now: () => number

  constructor({ ttlMs, maxEntries, now = Date.now }: TtlCacheOptions) {
    if (ttlMs <= 0 || maxEntries < 1) throw new RangeError('A TtlCache needs a positive ttlMs and maxEntries')
    this.#ttlMs = ttlMs
    this.#maxEntries = maxEntries
    this.#now = now
  }

  get size(): number {
    return this.#entries.size
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    if (entry.expiresAt <= this.#now()) return undefined
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: K, value: V): void {
    this.#entries.delete(key)
    this.#entries.set(key, { value, expiresAt: this.#now() + this.#ttlMs })
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break
      this.#entries.delete(oldest)
    }
  }

  delete(key: K): void {
    this.#entries.delete(key)
  }

  clear(): void {
    this.#entries.clear()
  }
}

export class NoCache<K, V> implements Cache<K, V> {
  readonly size = 0
  get(_key: K): V | undefined {
    return undefined
  }
  set(_key: K, _value: V): void {}
  delete(_key: K): void {}
  clear(): void {}
}
