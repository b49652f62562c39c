export interface BackoffPolicy {
  baseMs: number
  maxMs: number
}

/**
 * The wait before retry number `attempt` (1-based): exponential, capped, with full jitter so that
 * many instances retrying after the same outage do not hit the partner in lockstep.
 */
export function backoffDelay({ baseMs, maxMs }: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling * random())
}
