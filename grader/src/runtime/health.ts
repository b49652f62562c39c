/**
 * Waits until the service at `serviceUrl` answers GET /health with a 2xx, polling from this
 * process: the grader's embedded runtime and `drill run` both reach the service directly.
 * False when `timeoutMs` passes or `signal` aborts first.
 */
export async function waitForHealth(serviceUrl: string, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  const url = new URL('/health', serviceUrl)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && !signal.aborted) {
    const ok = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(2_000)]) }).then(
      (response) => response.ok,
      () => false
    )
    if (ok) return true
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return false
}
