import type { FastifyBaseLogger } from 'fastify'
import type { WebhookClient } from '../clients/webhook-client.js'
import type { OutboxMessage } from '../repositories/outbox-repository.js'

/** Hands an outbox event to whoever subscribes; resolving means it was accepted. */
export type EventPublisher = (message: OutboxMessage) => Promise<void>

export function webhookPublisher(client: WebhookClient): EventPublisher {
  return (message) =>
    client.deliver({ id: message.id, type: message.type, sku: message.sku, occurredAt: message.createdAt.toISOString(), data: message.payload })
}

/**
 * Used when no WEBHOOK_URL is configured: events are still recorded with every change, and
 * acknowledged here so the outbox does not grow without bound. A subscriber added later
 * starts from the events written after it.
 */
export function discardingPublisher(log: FastifyBaseLogger): EventPublisher {
  return async (message) => {
    log.debug({ eventId: message.id, type: message.type, sku: message.sku }, 'no webhook configured; event not sent')
  }
}
