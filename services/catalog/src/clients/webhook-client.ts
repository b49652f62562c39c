import { createHmac } from 'node:crypto'
import { backoffDelay, sleep } from '../lib/backoff.js'

/** What a subscriber receives: one catalogue event per request. */
export interface WebhookEvent {
  id: number
  type: string
  sku: string
  occurredAt: string
  data: unknown
}

export interface WebhookClientOptions {
  url: string
  /** Signs each body; receivers check `x-catalog-signature` against it. */
  secret?: string
  timeoutMs: number
  /** Extra attempts after the first, for network errors, timeouts, 429 and 5xx. */
  retries: number
  retryBaseMs?: number
}

/** A delivery that did not succeed; `retryable` is false when sending it again would not help (4xx). */
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

export interface WebhookClient {
  deliver(event: WebhookEvent): Promise<void>
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: the timestamp lets receivers reject replays. */
export function signature(secret: string, body: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${digest}`
}

/** fetch rejects with a bare "fetch failed"; the reason (ECONNREFUSED, a DNS error) is its cause. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error)
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`
  return error.cause instanceof Error ? error.cause.message : error.message
}

export function createWebhookClient({ url, secret, timeoutMs, retries, retryBaseMs = 200 }: WebhookClientOptions): WebhookClient {
  // Errors are logged and stored with the event; a URL may carry a token, so they name the host only.
  const target = new URL(url).host
  async function attempt(event: WebhookEvent, body: string): Promise<void> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'catalog-webhooks/1',
      'x-catalog-event': event.type,
      // Receivers deduplicate on this: a retried delivery carries the same id.
      'x-catalog-delivery': String(event.id)
    }
    if (secret) headers['x-catalog-signature'] = signature(secret, body, Math.floor(Date.now() / 1000))
    let response: Response
    try {
      response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) })
    } catch (error) {
      throw new WebhookDeliveryError(`Webhook ${target} failed: ${describeFailure(error, timeoutMs)}`, true)
    }
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined)
    if (response.ok) return
    const retryable = response.status === 429 || response.status >= 500
    throw new WebhookDeliveryError(`Webhook ${target} answered ${response.status}`, retryable, response.status)
  }

  return {
    async deliver(event) {
      const body = JSON.stringify(event)
      for (let attemptNumber = 1; ; attemptNumber++) {
        try {
          return await attempt(event, body)
        } catch (error) {
          if (!(error instanceof WebhookDeliveryError) || !error.retryable || attemptNumber > retries) throw error
          await sleep(backoffDelay(attemptNumber, { baseMs: retryBaseMs, maxMs: timeoutMs }))
        }
      }
    }
  }
}
