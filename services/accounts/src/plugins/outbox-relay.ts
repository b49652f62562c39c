import fp from 'fastify-plugin'
import { createWebhookClient, WebhookDeliveryError } from '../clients/webhook-client.js'
import type { Config } from '../config.js'
import { createOutboxRelay, type OutboxRelay } from '../jobs/outbox-relay.js'
import { toAccountEventDelivery } from '../mappers/account-event-delivery.js'
import { createOutboxRepository } from '../repositories/outbox-repository.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Null when account events are not delivered (no webhook URL, or the relay is switched off). */
    outboxRelay: OutboxRelay | null
  }
}

/**
 * Delivers account events from the outbox to `ACCOUNT_EVENTS_WEBHOOK_URL` while the server runs.
 * Without a URL the events still reach the outbox, and go out once one is configured.
 */
export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    const url = config.ACCOUNT_EVENTS_WEBHOOK_URL
    if (!config.OUTBOX_RELAY_ENABLED || !url) {
      fastify.log.info(
        { reason: config.OUTBOX_RELAY_ENABLED ? 'ACCOUNT_EVENTS_WEBHOOK_URL is not set' : 'OUTBOX_RELAY_ENABLED=false' },
        'outbox relay off: account events stay in the outbox'
      )
      fastify.decorate('outboxRelay', null)
      return
    }

    const webhook = createWebhookClient({
      url,
      secret: config.ACCOUNT_EVENTS_WEBHOOK_SECRET,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      maxRetries: config.WEBHOOK_MAX_RETRIES
    })
    const relay = createOutboxRelay({
      outbox: createOutboxRepository(fastify.prisma),
      publish: (message, signal) => webhook.deliver(toAccountEventDelivery(message), { signal }),
      isPermanentFailure: (error) => error instanceof WebhookDeliveryError && !error.retryable,
      log: fastify.log.child({ job: 'outbox-relay', target: webhook.target }),
      intervalMs: config.OUTBOX_POLL_INTERVAL_MS,
      batchSize: config.OUTBOX_BATCH_SIZE,
      maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
      // Room for every retry of a delivery, with its back-off, before another relay may take it.
      leaseMs: (config.WEBHOOK_TIMEOUT_MS + 4_000) * (config.WEBHOOK_MAX_RETRIES + 1) + 10_000
    })
    fastify.decorate('outboxRelay', relay)
    fastify.addHook('onReady', async () => relay.start())
    // Registered after the prisma plugin, so this runs before its client disconnects.
    fastify.addHook('onClose', async () => relay.stop())
  },
  { name: 'outbox-relay', dependencies: ['prisma'] }
)
