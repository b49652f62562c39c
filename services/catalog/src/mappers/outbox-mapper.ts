import type { OutboxEntry } from '../repositories/outbox-repository.js'
import type { OutboxEntryResponse } from '../schemas/outbox.js'

export function toOutboxEntryResponse(entry: OutboxEntry): OutboxEntryResponse {
  return {
    id: entry.id,
    type: entry.type,
    sku: entry.sku,
    status: entry.status,
    attempts: entry.attempts,
    lastError: entry.lastError,
    createdAt: entry.createdAt.toISOString(),
    publishedAt: entry.publishedAt?.toISOString() ?? null,
    failedAt: entry.failedAt?.toISOString() ?? null
  }
}
