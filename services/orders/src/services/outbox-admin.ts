import type { FastifyBaseLogger } from 'fastify'
import { OutboxEventNotFailedError, OutboxEventNotFoundError } from '../domain/errors.js'
import type { OutboxRepository, OutboxStats } from '../repositories/outbox-repository.js'

/** What operators need when the webhook partner had an outage: how far behind, and a retry. */
export function createOutboxAdmin({ outbox, log, now = () => new Date() }: { outbox: OutboxRepository; log: FastifyBaseLogger; now?: () => Date }) {
  return {
    stats(): Promise<OutboxStats> {
      return outbox.stats()
    },

    async retry(id: number, requestedBy?: string): Promise<void> {
      if (await outbox.requeue(id, now())) {
        log.info({ eventId: id, requestedBy }, 'failed order event queued again')
        return
      }
      throw (await outbox.findById(id)) ? new OutboxEventNotFailedError(id) : new OutboxEventNotFoundError(id)
    }
  }
}

export type OutboxAdmin = ReturnType<typeof createOutboxAdmin>
