export interface BackoffOptions {
  baseMs: number
  maxMs: number
  /** 0 to 1: how much of each delay is random, so that many retrying clients spread out. */
  jitter?: number
  random?: () => number
}

/** The delay before retry number `attempt` (1 for the first retry): doubling, capped, jittered. */
export function backoffDelay(attempt: number, { baseMs, maxMs, jitter = 0.2, random = Math.random }: BackoffOptions): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(exponential * (1 - jitter + jitter * random()))
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
