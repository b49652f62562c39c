import { createHmac } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import { backoffDelay, sleep } from '../lib/backoff.js'

export interface WebhookEvent {
  id: number
  type: string
  createdAt: Date
  data: unknown
}

export interface WebhookClientOptions {
  url: string
  /** Signs each body; receivers verify `x-billing-signature` with it. */
  secret?: string
  timeoutMs: number
  /** Retries within one delivery, for blips; the outbox relay retries later on top of these. */
  retries: number
  retryDelayMs?: number
  log: FastifyBaseLogger
}

/** A delivery that failed; `retryable` says whether trying the same request later can succeed. */
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
  /** Resolves once the receiver accepted the event; `signal` abandons the delivery (shutdown). */
  deliver(event: WebhookEvent, signal?: AbortSignal): Promise<void>
}

/** Statuses worth retrying: the receiver is overloaded or briefly down. Other 4xx mean the request itself is refused. */
const isRetryableStatus = (status: number) => status === 408 || status === 429 || status >= 500

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/**
 * POSTs billing events as JSON to the partner's endpoint. Receivers must accept an event more
 * than once (`x-billing-event-id` tells duplicates apart): a response lost to a timeout is
 * retried although the event may have arrived.
 */
export function createWebhookClient({ url, secret, timeoutMs, retries, retryDelayMs = 250, log }: WebhookClientOptions): WebhookClient {
  async function post(event: WebhookEvent, signal?: AbortSignal): Promise<void> {
    const body = JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data: event.data })
    const timestamp = String(Math.floor(Date.now() / 1000))
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-billing-event-id': String(event.id),
      'x-billing-event-type': event.type,
      'x-billing-timestamp': timestamp
    }
    if (secret) headers['x-billing-signature'] = signature(secret, timestamp, body)
    let response: Response
    try {
      const timeout = AbortSignal.timeout(timeoutMs)
      response = await fetch(url, { method: 'POST', headers, body, signal: signal ? AbortSignal.any([signal, timeout]) : timeout })
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : String((error as Error).cause ?? error)
      throw new WebhookDeliveryError(`POST ${url} failed: ${reason}`, true)
    }
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined)
    if (!response.ok) {
      throw new WebhookDeliveryError(`POST ${url} answered ${response.status}`, isRetryableStatus(response.status), response.status)
    }
  }

  return {
    async deliver(event, signal) {
      for (let attempt = 0; ; attempt++) {
        try {
          await post(event, signal)
          log.debug({ eventId: event.id, eventType: event.type, attempt }, 'webhook delivered')
          return
        } catch (error) {
          if (!(error instanceof WebhookDeliveryError) || !error.retryable || attempt >= retries) throw error
          const delayMs = backoffDelay(attempt + 1, { baseMs: retryDelayMs, maxMs: timeoutMs })
          log.warn({ eventId: event.id, eventType: event.type, attempt, delayMs, err: error }, 'webhook delivery failed, retrying')
          await sleep(delayMs, signal)
        }
      }
    }
  }
}
