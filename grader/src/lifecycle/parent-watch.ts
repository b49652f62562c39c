/**
 * A signal that aborts when the process that started this one ends. A wrapper such as `npx`
 * (`npm exec`) stopped with SIGTERM or SIGKILL does not pass the signal on: its child is
 * re-parented (to init or a subreaper) and would otherwise run on with nobody to stop it.
 */
export function watchParent(intervalMs = 500): { signal: AbortSignal } & Disposable {
  const controller = new AbortController()
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer)
      controller.abort()
    }
  }, intervalMs)
  timer.unref()
  return { signal: controller.signal, [Symbol.dispose]: () => clearInterval(timer) }
}
