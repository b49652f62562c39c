import type { FastifyBaseLogger } from 'fastify'
import { WebhookDeliveryError, type WebhookClient } from '../clients/webhook-client.js'
import { backoffDelay } from '../lib/backoff.js'
import type { ClaimedEvent, OutboxRepository } from '../repositories/outbox-repository.js'

export interface OutboxRelayOptions {
  outbox: OutboxRepository
  webhook: WebhookClient
  intervalMs: number
  batchSize: number
  maxAttempts: number
  log: FastifyBaseLogger
  now?: () => Date
}

export interface OutboxRelay {
  /** Polls every `intervalMs` until stopped; a run that finds a full batch polls again at once. */
  start(): void
  /** Stops polling and abandons the delivery in progress; its event is retried once its lease runs out. */
  stop(): Promise<void>
  /** Claims and delivers one batch; returns how many events it handled. */
  drainOnce(): Promise<number>
}

const RETRY_BASE_MS = 5_000
const RETRY_MAX_MS = 15 * 60_000

/**
 * Delivers the outbox to the webhook in order of id, at least once. A failed delivery is retried
 * later with exponential backoff; after `maxAttempts`, or at once when the receiver refuses the
 * event (a 4xx), the event is marked failed and waits for a person.
 */
export function createOutboxRelay({ outbox, webhook, intervalMs, batchSize, maxAttempts, log, now = () => new Date() }: OutboxRelayOptions): OutboxRelay {
  // A claimed event is hidden from other relays for this long: longer than a batch can take.
  const leaseMs = Math.max(60_000, intervalMs * 10)
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | undefined
  let stopped = true
  let shutdown = new AbortController()

  async function handle(event: ClaimedEvent): Promise<void> {
    const attempt = event.attempts + 1
    try {
      await webhook.deliver({ id: event.id, type: event.type, createdAt: event.createdAt, data: event.payload }, shutdown.signal)
      await outbox.markDelivered(event.id, now())
      log.info({ eventId: event.id, eventType: event.type, attempt }, 'outbox event delivered')
    } catch (error) {
      if (shutdown.signal.aborted) {
        log.info({ eventId: event.id, eventType: event.type }, 'outbox delivery abandoned at shutdown; due again when its lease runs out')
        return
      }
      const message = error instanceof Error ? error.message : String(error)
      const retryable = !(error instanceof WebhookDeliveryError) || error.retryable
      if (!retryable || attempt >= maxAttempts) {
        await outbox.markFailed(event.id, message, now())
        log.error({ eventId: event.id, eventType: event.type, attempt, err: error }, 'outbox event failed for good')
        return
      }
      const retryAt = new Date(now().getTime() + backoffDelay(attempt, { baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS }))
      await outbox.scheduleRetry(event.id, message, retryAt)
      log.warn({ eventId: event.id, eventType: event.type, attempt, retryAt, err: error }, 'outbox event not delivered, will retry')
    }
  }

  async function drainOnce(): Promise<number> {
    const events = await outbox.claimDue(batchSize, leaseMs)
    // One at a time, so that a receiver sees the events of one invoice in the order they happened.
    for (const event of events) {
      if (shutdown.signal.aborted) break
      await handle(event)
    }
    return events.length
  }

  function schedule(delayMs: number): void {
    if (stopped) return
    timer = setTimeout(() => {
      running = drainOnce()
      running
        .then(
          (handled) => schedule(handled === batchSize ? 0 : intervalMs),
          (error: unknown) => {
            log.error({ err: error }, 'outbox relay run failed')
            schedule(intervalMs)
          }
        )
        .finally(() => {
          running = undefined
        })
    }, delayMs)
    // Polling alone must not keep the process alive.
    timer.unref()
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      shutdown = new AbortController()
      log.info({ intervalMs, batchSize, maxAttempts }, 'outbox relay started')
      schedule(0)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      shutdown.abort(new Error('the outbox relay is stopping'))
      await running?.catch(() => undefined)
    },
    drainOnce
  }
}
