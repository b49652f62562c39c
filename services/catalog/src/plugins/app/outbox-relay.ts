import fp from 'fastify-plugin'
import { createWebhookClient } from '../../clients/webhook-client.js'
import { discardingPublisher, webhookPublisher } from '../../jobs/event-publishers.js'
import { createOutboxRelay, type OutboxRelay } from '../../jobs/outbox-relay.js'
import { createOutboxRepository } from '../../repositories/outbox-repository.js'

declare module 'fastify' {
  interface FastifyInstance {
    outboxRelay: OutboxRelay
  }
}

export interface OutboxRelayPluginOptions {
  enabled: boolean
  intervalMs: number
  batchSize: number
  maxAttempts: number
  webhook?: { url: string; secret?: string; timeoutMs: number; retries: number }
}

/**
 * Starts the outbox relay once the server is ready and stops it before the database
 * disconnects. Disabled, the events stay in the outbox for another instance to relay.
 */
export default fp<OutboxRelayPluginOptions>(
  async (fastify, { enabled, intervalMs, batchSize, maxAttempts, webhook }) => {
    const log = fastify.log.child({ component: 'outbox-relay' })
    const publish = webhook ? webhookPublisher(createWebhookClient(webhook)) : discardingPublisher(log)
    const relay = createOutboxRelay({ outbox: createOutboxRepository(fastify.prisma), publish, intervalMs, batchSize, maxAttempts, log })
    fastify.decorate('outboxRelay', relay)

    if (!enabled) {
      log.info('outbox relay disabled (OUTBOX_RELAY_ENABLED=false)')
      return
    }
    // The URL may carry credentials in its path or query: log the host only.
    log.info({ webhookHost: webhook ? new URL(webhook.url).host : null, signed: Boolean(webhook?.secret) }, 'event delivery configured')
    fastify.addHook('onReady', async () => relay.start())
    fastify.addHook('onClose', async () => relay.stop())
  },
  { name: 'outbox-relay', dependencies: ['prisma'] }
)
