/** Waits `ms` milliseconds. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Asks `probe` again and again until it answers something other than `undefined`, or `withinMs`
 * has passed; answers its last answer (`undefined` if it never gave one). For what a service does
 * after it has answered: a row written in the background, a lock taken by a concurrent request.
 */
export async function until<T>(withinMs: number, probe: () => Promise<T | undefined>, everyMs = 5): Promise<T | undefined> {
  const deadline = Date.now() + withinMs
  for (;;) {
    const value = await probe()
    if (value !== undefined || Date.now() > deadline) return value
    await pause(everyMs)
  }
}
