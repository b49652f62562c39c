import type { FastifyBaseLogger } from 'fastify'
import type { OutboxRepository } from '../repositories/outbox-repository.js'

export interface OutboxCleanupOptions {
  outbox: OutboxRepository
  /** Delivered events older than this many days are deleted. */
  retentionDays: number
  log: FastifyBaseLogger
  /** Rows per DELETE, so one run never holds long locks on a large backlog. */
  chunkSize?: number
  now?: () => Date
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deletes delivered webhook events once they are older than the retention: they only matter
 * while a receiver might ask for a redelivery. Pending and failed events are always kept.
 */
export function createOutboxCleanup({ outbox, retentionDays, log, chunkSize = 1_000, now = () => new Date() }: OutboxCleanupOptions) {
  return async function cleanUp(signal?: AbortSignal): Promise<number> {
    const deliveredBefore = new Date(now().getTime() - retentionDays * DAY_MS)
    let deleted = 0
    for (;;) {
      const count = await outbox.deleteDelivered({ deliveredBefore, limit: chunkSize })
      deleted += count
      if (count < chunkSize || signal?.aborted) break
    }
    if (deleted > 0) log.info({ deleted, deliveredBefore }, 'old delivered order events deleted')
    return deleted
  }
}
