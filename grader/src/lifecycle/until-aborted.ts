/** Resolves when `signal` aborts (Ctrl-C), at once if it already has: how long-running commands wait. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve()
    else signal.addEventListener('abort', () => resolve(), { once: true })
  })
}
