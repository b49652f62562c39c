import { createHmac } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.js'
import type { AccountEventDelivery } from '../schemas/account-events.js'

export interface WebhookClientOptions {
  url: string
  /** Signs every delivery when set; receivers verify `x-accounts-signature` with it. */
  secret?: string
  /** Per HTTP attempt, connection and response included. */
  timeoutMs: number
  /** Further attempts after a timeout, a network error, 408, 429 or 5xx. */
  maxRetries: number
  backoff?: BackoffPolicy
}

/** A delivery that did not succeed; `retryable` says whether trying again later may help. */
export class WebhookDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number
  ) {
    super(message)
    this.name = 'WebhookDeliveryError'
  }
}

const RETRYABLE_STATUSES = new Set([408, 425, 429])

/**
 * Stripe-style signature: HMAC-SHA256 over `<unix seconds>.<body>`, sent as `t=<seconds>,v1=<hex>`.
 * The timestamp lets receivers refuse replays of an old delivery.
 */
export function signDelivery(secret: string, body: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000)
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${signature}`
}

/** POSTs account events to the partner's webhook endpoint. */
export function createWebhookClient({ url, secret, timeoutMs, maxRetries, backoff = { baseMs: 250, maxMs: 4_000 } }: WebhookClientOptions) {
  // Logged and stored in errors: the origin and path only, never a token in the query string.
  const target = (() => {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  })()

  async function post(body: string, headers: Record<string, string>, signal: AbortSignal): Promise<void> {
    let response: Response
    try {
      response = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) })
    } catch (error) {
      if (signal.aborted) throw new WebhookDeliveryError(`POST ${target} was cancelled`, true)
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `failed: ${describeNetworkError(error)}`
      throw new WebhookDeliveryError(`POST ${target} ${reason}`, true)
    }
    // Only the status matters; reading the body to its end frees the connection for reuse.
    await response.arrayBuffer().catch(() => undefined)
    if (response.ok) return
    const retryable = RETRYABLE_STATUSES.has(response.status) || response.status >= 500
    throw new WebhookDeliveryError(`POST ${target} answered ${response.status}`, retryable, response.status)
  }

  return {
    target,

    async deliver(delivery: AccountEventDelivery, { signal = new AbortController().signal }: { signal?: AbortSignal } = {}): Promise<void> {
      const body = JSON.stringify(delivery)
      for (let retry = 0; ; retry++) {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'idempotency-key': delivery.id,
          'x-accounts-event': delivery.type,
          ...(secret ? { 'x-accounts-signature': signDelivery(secret, body, new Date()) } : {})
        }
        try {
          return await post(body, headers, signal)
        } catch (error) {
          const mayRetry = error instanceof WebhookDeliveryError && error.retryable && !signal.aborted
          if (!mayRetry || retry >= maxRetries) throw error
          await sleep(backoffDelay(backoff, retry + 1), undefined, { signal }).catch(() => undefined)
        }
      }
    }
  }
}

/** fetch wraps the socket error in `cause`; that is the useful part (ECONNREFUSED, ENOTFOUND...). */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message
  return error.message
}

export type WebhookClient = ReturnType<typeof createWebhookClient>
