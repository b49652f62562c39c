import type { FastifyBaseLogger } from 'fastify'
import { WebhookDeliveryError } from '../clients/webhook-client.js'
import { backoffDelay } from '../lib/backoff.js'
import type { OutboxMessage, OutboxRepository } from '../repositories/outbox-repository.js'
import type { EventPublisher } from './event-publishers.js'

export interface OutboxRelayOptions {
  outbox: OutboxRepository
  publish: EventPublisher
  intervalMs: number
  batchSize: number
  maxAttempts: number
  log: FastifyBaseLogger
  /** How long a claimed event is ours; longer than the slowest delivery with its retries. */
  leaseSeconds?: number
  /** The wait before attempt n + 1 grows from this, up to an hour. */
  retryBaseMs?: number
}

export interface DrainResult {
  published: number
  retrying: number
  failed: number
}

export interface OutboxRelay {
  start(): void
  /** Stops polling and waits for the batch in progress, so nothing is cut off mid-delivery. */
  stop(): Promise<void>
  /** One pass over the due events; the poller calls it, and so can tests and scripts. */
  drain(): Promise<DrainResult>
}

/**
 * Delivers the events that services write to the outbox in the same transaction as their
 * change: at least once, in id order within a batch, retried with backoff, parked as failed
 * after `maxAttempts` or on an answer that retrying cannot fix.
 */
export function createOutboxRelay({
  outbox,
  publish,
  intervalMs,
  batchSize,
  maxAttempts,
  log,
  leaseSeconds = 120,
  retryBaseMs = 1_000
}: OutboxRelayOptions): OutboxRelay {
  let timer: NodeJS.Timeout | undefined
  let inProgress: Promise<void> | undefined
  let stopped = true

  async function relay(message: OutboxMessage): Promise<keyof DrainResult> {
    const context = { eventId: message.id, type: message.type, sku: message.sku, attempt: message.attempts }
    try {
      await publish(message)
      await outbox.markPublished(message.id)
      log.debug(context, 'event published')
      return 'published'
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const hopeless = error instanceof WebhookDeliveryError && !error.retryable
      if (hopeless || message.attempts >= maxAttempts) {
        await outbox.markFailed(message.id, reason)
        log.error({ ...context, reason }, 'event delivery failed for good')
        return 'failed'
      }
      const delayMs = backoffDelay(message.attempts, { baseMs: retryBaseMs, maxMs: 3_600_000 })
      await outbox.reschedule(message.id, delayMs, reason)
      log.warn({ ...context, reason, retryInMs: delayMs }, 'event delivery failed; will retry')
      return 'retrying'
    }
  }

  async function drain(): Promise<DrainResult> {
    const result: DrainResult = { published: 0, retrying: 0, failed: 0 }
    const batch = await outbox.claimDue(batchSize, leaseSeconds)
    // One at a time: a subscriber sees the events of a SKU in the order they happened.
    for (const message of batch) result[await relay(message)] += 1
    if (batch.length > 0) log.info(result, 'outbox relayed')
    return result
  }

  function schedule(delayMs: number) {
    if (stopped) return
    timer = setTimeout(() => {
      inProgress = drain()
        .then(
          // A full batch means there is a backlog: carry on at once instead of waiting.
          (result) => (result.published + result.retrying + result.failed >= batchSize ? 0 : intervalMs),
          (error: unknown) => {
            log.error({ err: error }, 'outbox relay pass failed')
            return intervalMs
          }
        )
        .then((nextDelayMs) => {
          inProgress = undefined
          schedule(nextDelayMs)
        })
    }, delayMs)
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      log.info({ intervalMs, batchSize }, 'outbox relay started')
      schedule(intervalMs)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await inProgress
    },
    drain
  }
}
