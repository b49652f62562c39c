import type { FastifyBaseLogger } from 'fastify'
import { decodeCursor, toPage, type Page } from '../domain/cursor.js'
import { OutboxEventNotFailedError, OutboxEventNotFoundError } from '../domain/errors.js'
import type { Repositories } from '../repositories/index.js'
import type { OutboxEntry, OutboxFilter } from '../repositories/outbox-repository.js'
import type { PageRequest } from './product-service.js'

/** Operations on the outbox for whoever runs the service: see what is stuck, send it again. */
export function createOutboxService({ repositories, log }: { repositories: Repositories; log: FastifyBaseLogger }) {
  const { outbox } = repositories
  return {
    async list(filter: OutboxFilter, { limit, cursor }: PageRequest): Promise<Page<OutboxEntry>> {
      const before = cursor === undefined ? undefined : decodeCursor(cursor)
      return toPage(await outbox.list({ ...filter, limit, before }), limit)
    },

    async retry(id: number, actor: string): Promise<void> {
      if (await outbox.retry(id)) {
        log.info({ eventId: id, actor }, 'failed event queued again')
        return
      }
      throw (await outbox.exists(id)) ? new OutboxEventNotFailedError(id) : new OutboxEventNotFoundError(id)
    }
  }
}

export type OutboxService = ReturnType<typeof createOutboxService>
