import type { FastifyBaseLogger } from 'fastify'
import { WebhookDeliveryError, type WebhookClient } from '../clients/webhook-client.js'
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.js'
import type { LeasedEvent, OutboxRepository } from '../repositories/outbox-repository.js'

export interface OutboxRelayOptions {
  outbox: OutboxRepository
  webhook: WebhookClient
  log: FastifyBaseLogger
  batchSize: number
  /** Deliveries of one event before it is parked as failed. */
  maxDeliveries: number
  /** Between deliveries of one event; each delivery already retried quickly inside the client. */
  retry?: BackoffPolicy
  now?: () => Date
}

export interface OutboxRelay {
  /**
   * Delivers one batch of due events; resolves with how many were delivered. Aborting `signal`
   * stops after the delivery in flight, which is itself aborted: its lease lapses and the
   * event is sent again later.
   */
  drain(signal?: AbortSignal): Promise<number>
}

/** How long a relay may hold an event before another may take it: longer than any delivery. */
function leaseMsFor(batchSize: number): number {
  return Math.max(60_000, batchSize * 30_000)
}

/**
 * Delivers the outbox to the webhook, at least once and in order per order. A failed delivery
 * is scheduled again with growing delays; after `maxDeliveries`, or at once when the partner
 * refuses the event outright (a 4xx), the event is parked as failed for an operator to retry.
 */
export function createOutboxRelay({
  outbox,
  webhook,
  log,
  batchSize,
  maxDeliveries,
  retry = { baseMs: 10_000, maxMs: 15 * 60_000 },
  now = () => new Date()
}: OutboxRelayOptions): OutboxRelay {
  let batch: Promise<number> | undefined

  async function settleFailure(event: LeasedEvent, attempt: number, error: WebhookDeliveryError): Promise<void> {
    const context = { eventId: event.id, type: event.type, orderId: event.orderId, attempt, reason: error.message }
    if (!error.retryable || attempt >= maxDeliveries) {
      await outbox.markFailed(event, { at: now(), error: error.message })
      log.error(context, 'order event parked as failed')
      return
    }
    const nextAttemptAt = new Date(now().getTime() + backoffDelay(attempt, retry))
    await outbox.scheduleRetry(event, { nextAttemptAt, error: error.message })
    log.warn({ ...context, nextAttemptAt }, 'order event delivery failed, will retry')
  }

  async function deliver(event: LeasedEvent, signal: AbortSignal | undefined): Promise<boolean> {
    const attempt = event.attempts + 1
    try {
      const receipt = await webhook.deliver({ id: `evt_${event.id}`, type: event.type, body: { ...event.payload } }, { signal })
      await outbox.markDelivered(event, now())
      log.info({ eventId: event.id, type: event.type, orderId: event.orderId, attempt, status: receipt.status }, 'order event delivered')
      return true
    } catch (error) {
      if (signal?.aborted) return false
      if (!(error instanceof WebhookDeliveryError)) throw error
      await settleFailure(event, attempt, error)
      return false
    }
  }

  async function deliverBatch(signal: AbortSignal | undefined): Promise<number> {
    const events = await outbox.leaseDue({ now: now(), limit: batchSize, leaseMs: leaseMsFor(batchSize) })
    let delivered = 0
    // One at a time: the partner sees events in the order they happened.
    for (const event of events) {
      if (signal?.aborted) break
      if (await deliver(event, signal)) delivered++
    }
    return delivered
  }

  return {
    drain(signal) {
      // A drain asked for while one runs (a test, an operator) joins it rather than racing it.
      batch ??= deliverBatch(signal).finally(() => {
        batch = undefined
      })
      return batch
    }
  }
}
