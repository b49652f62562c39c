import type { FastifyBaseLogger } from 'fastify'
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.js'
import type { OutboxMessage, OutboxRepository } from '../repositories/outbox-repository.js'

export interface OutboxRelayOptions {
  outbox: OutboxRepository
  /** Sends one message; resolves once the receiver has accepted it. */
  publish: (message: OutboxMessage, signal: AbortSignal) => Promise<void>
  /** True for a failure that no retry will fix (the receiver refused the message itself). */
  isPermanentFailure?: (error: unknown) => boolean
  log: FastifyBaseLogger
  intervalMs: number
  batchSize: number
  maxAttempts: number
  /** How long a claimed message stays hidden from other relays; longer than one publish can take. */
  leaseMs: number
  retryBackoff?: BackoffPolicy
}

export interface DrainResult {
  claimed: number
  published: number
  retried: number
  failed: number
}

/**
 * Delivers the outbox, at least once: a message is marked published only after the receiver
 * accepted it, so a crash in between sends it again (receivers de-duplicate on its id).
 * Messages of one batch go out one after another, oldest first.
 */
export function createOutboxRelay({
  outbox,
  publish,
  isPermanentFailure = () => false,
  log,
  intervalMs,
  batchSize,
  maxAttempts,
  leaseMs,
  retryBackoff = { baseMs: 5_000, maxMs: 15 * 60_000 }
}: OutboxRelayOptions) {
  let timer: NodeJS.Timeout | undefined
  let draining: Promise<unknown> | undefined
  let shutdown: AbortController | undefined

  async function settle(message: OutboxMessage, error: unknown): Promise<'retried' | 'failed'> {
    const reason = error instanceof Error ? error.message : String(error)
    const context = { messageId: message.id.toString(), topic: message.topic, attempts: message.attempts, reason }
    if (isPermanentFailure(error) || message.attempts >= maxAttempts) {
      await outbox.markFailed(message.id, reason)
      log.error(context, 'outbox message failed for good; it needs a person to look at it')
      return 'failed'
    }
    const delayMs = backoffDelay(retryBackoff, message.attempts)
    await outbox.retryLater(message.id, { delayMs, error: reason })
    log.warn({ ...context, retryInMs: delayMs }, 'outbox message not delivered; will retry')
    return 'retried'
  }

  async function drainOnce(signal: AbortSignal = new AbortController().signal): Promise<DrainResult> {
    const messages = await outbox.claimDue({ limit: batchSize, leaseMs })
    const result: DrainResult = { claimed: messages.length, published: 0, retried: 0, failed: 0 }
    for (const message of messages) {
      // Stopping leaves the rest of the batch claimed: their lease runs out and a relay takes them again.
      if (signal.aborted) break
      try {
        await publish(message, signal)
        await outbox.markPublished(message.id)
        result.published++
      } catch (error) {
        result[await settle(message, error)]++
      }
    }
    return result
  }

  async function tick(signal: AbortSignal): Promise<void> {
    let fullBatch = false
    try {
      const result = await drainOnce(signal)
      fullBatch = result.claimed === batchSize
      if (result.claimed) log.info(result, 'outbox drained')
    } catch (error) {
      log.error({ err: error }, 'outbox relay could not drain the outbox')
    }
    // A full batch means more may be waiting: go again at once instead of after the interval.
    if (!signal.aborted) timer = setTimeout(run, fullBatch ? 0 : intervalMs, signal)
  }

  function run(signal: AbortSignal): void {
    draining = tick(signal)
  }

  return {
    drainOnce,

    get running(): boolean {
      return shutdown !== undefined
    },

    start(): void {
      if (shutdown) return
      shutdown = new AbortController()
      timer = setTimeout(run, intervalMs, shutdown.signal)
      log.info({ intervalMs, batchSize }, 'outbox relay started')
    },

    /** Cancels the delivery under way, waits for the relay to settle it and clears its timer. */
    async stop(): Promise<void> {
      if (!shutdown) return
      shutdown.abort()
      clearTimeout(timer)
      await draining
      clearTimeout(timer)
      shutdown = undefined
      log.info('outbox relay stopped')
    }
  }
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>
