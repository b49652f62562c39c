export interface BackoffPolicy {
  /** The longest wait before the second attempt. */
  baseMs: number
  /** No wait is ever longer than this. */
  maxMs: number
}

/**
 * How long to wait before attempt `attempt + 1`, after `attempt` failed ones: exponential with
 * "full jitter" (a random wait up to the exponential bound), so that many clients retrying
 * after the same outage do not all come back at the same moment.
 */
export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffPolicy, random: () => number = Math.random): number {
  const bound = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(bound * random())
}
