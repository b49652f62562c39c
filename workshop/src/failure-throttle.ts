/**
 * Counts failed credentials (unknown tokens, wrong join codes) per client address over a sliding
 * minute. Past the limit, that address is refused until its oldest failure ages out, so guessing
 * a code or a token is slow, while a classroom behind one address that types its code right is
 * never held up.
 */
export class FailureThrottle {
  readonly #failures = new Map<string, number[]>()

  constructor(
    readonly limit = 30,
    readonly windowMs = 60_000
  ) {}

  #recent(address: string, now: number): number[] {
    const recent = (this.#failures.get(address) ?? []).filter((at) => now - at < this.windowMs)
    if (recent.length) this.#failures.set(address, recent)
    else this.#failures.delete(address)
    return recent
  }

  record(address: string, now = Date.now()): void {
    this.#failures.set(address, [...this.#recent(address, now), now])
  }

  /** Milliseconds until the address may try again, or 0. */
  retryAfterMs(address: string, now = Date.now()): number {
    const recent = this.#recent(address, now)
    if (recent.length < this.limit) return 0
    return (recent[recent.length - this.limit] ?? now) + this.windowMs - now
  }
}
