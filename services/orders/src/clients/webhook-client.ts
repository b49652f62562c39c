import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyBaseLogger } from 'fastify'
import type { WebhookConfig } from '../config.js'
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.js'
import { SIGNATURE_HEADER, signPayload } from './webhook-signature.js'

export interface WebhookDelivery {
  /** Stable across retries, so the receiver can drop duplicates. */
  id: string
  type: string
  body: Record<string, unknown>
}

export interface DeliveryReceipt {
  status: number
  attempts: number
}

/** `retryable` says whether a later delivery may succeed (timeouts, 5xx, 429) or not (other 4xx). */
export class WebhookDeliveryError extends Error {
  override name = 'WebhookDeliveryError'
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly attempts: number
  ) {
    super(message)
  }
}

export interface WebhookClient {
  deliver(delivery: WebhookDelivery, options?: { signal?: AbortSignal }): Promise<DeliveryReceipt>
}

export interface WebhookClientOptions extends WebhookConfig {
  log: FastifyBaseLogger
  /** Between quick attempts within one delivery; the relay spaces out deliveries itself. */
  backoff?: BackoffPolicy
  now?: () => Date
}

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504])

/** Seconds from a `Retry-After` header, when it holds a number of them. */
function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'))
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined
}

/** fetch reports "fetch failed"; what went wrong (ECONNREFUSED, a DNS failure) is its cause. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined
  if (cause instanceof Error) return cause.message
  return error instanceof Error ? error.message : String(error)
}

class AttemptFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly waitMs?: number
  ) {
    super(message)
  }
}

/**
 * POSTs order events to the partner's webhook: JSON, signed when a secret is set, each attempt
 * bounded by `timeoutMs`, retried with backoff on timeouts, network errors, 5xx and 429.
 * Aborting `signal` (the service shutting down) stops at once, between or during attempts.
 */
export function createWebhookClient({ url, secret, timeoutMs, maxAttempts, log, backoff = { baseMs: 250, maxMs: 2_000 }, now = () => new Date() }: WebhookClientOptions): WebhookClient {
  async function attempt(delivery: WebhookDelivery, body: string, signal: AbortSignal | undefined): Promise<number> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'debug-drills-orders/webhook',
      'x-orders-event-id': delivery.id,
      'x-orders-event-type': delivery.type
    }
    if (secret) headers[SIGNATURE_HEADER] = signPayload(secret, body, now())
    const timeout = AbortSignal.timeout(timeoutMs)
    let response: Response
    try {
      response = await fetch(url, { method: 'POST', headers, body, signal: signal ? AbortSignal.any([signal, timeout]) : timeout })
    } catch (error) {
      if (signal?.aborted) throw error
      throw new AttemptFailed(timeout.aborted ? `gave no answer within ${timeoutMs} ms` : `could not be reached: ${networkReason(error)}`, true)
    }
    // The body is not needed, but reading it lets the connection be reused.
    await response.arrayBuffer().catch(() => undefined)
    if (response.ok) return response.status
    throw new AttemptFailed(`answered ${response.status}`, RETRYABLE_STATUSES.has(response.status), retryAfterMs(response))
  }

  return {
    async deliver(delivery, { signal } = {}) {
      const body = JSON.stringify({ id: delivery.id, ...delivery.body })
      for (let attempts = 1; ; attempts++) {
        try {
          return { status: await attempt(delivery, body, signal), attempts }
        } catch (error) {
          if (!(error instanceof AttemptFailed)) throw error
          if (!error.retryable || attempts >= maxAttempts) {
            throw new WebhookDeliveryError(`Webhook ${new URL(url).host} ${error.message}`, error.retryable, attempts)
          }
          const waitMs = Math.min(error.waitMs ?? backoffDelay(attempts, backoff), backoff.maxMs)
          log.debug({ eventId: delivery.id, attempt: attempts, waitMs, reason: error.message }, 'webhook attempt failed, retrying')
          await sleep(waitMs, undefined, { signal })
        }
      }
    }
  }
}
