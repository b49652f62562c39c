import type { OutboxMessage } from '../repositories/outbox-repository.js'
import type { AccountEventDelivery } from '../schemas/account-events.js'

/** The webhook body for an outbox message: its payload, with the id and time it was recorded. */
export function toAccountEventDelivery(message: OutboxMessage): AccountEventDelivery {
  return {
    id: message.id.toString(),
    type: message.topic as AccountEventDelivery['type'],
    occurredAt: message.createdAt.toISOString(),
    data: message.payload as AccountEventDelivery['data']
  }
}
