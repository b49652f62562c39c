import fp from 'fastify-plugin'
import { createWebhookClient } from '../../clients/webhook-client.js'
import { createOutboxRelay, type OutboxRelay } from '../../jobs/outbox-relay.js'

export interface OutboxRelayPluginOptions {
  enabled: boolean
  webhookUrl?: string
  webhookSecret?: string
  webhookTimeoutMs: number
  webhookRetries: number
  intervalMs: number
  batchSize: number
  maxAttempts: number
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Null when events have nowhere to go (no webhook URL). */
    outboxRelay: OutboxRelay | null
  }
}

/**
 * Delivers outbox events to the billing webhook while the server runs. Without a webhook URL
 * events stay in the outbox, and are delivered once one is configured.
 */
export default fp<OutboxRelayPluginOptions>(
  async (fastify, options) => {
    const log = fastify.log.child({ component: 'outbox-relay' })
    if (!options.webhookUrl) {
      log.info('no webhook URL: events stay in the outbox')
      fastify.decorate('outboxRelay', null)
      return
    }
    const relay = createOutboxRelay({
      outbox: fastify.repositories.outbox,
      webhook: createWebhookClient({
        url: options.webhookUrl,
        secret: options.webhookSecret,
        timeoutMs: options.webhookTimeoutMs,
        retries: options.webhookRetries,
        log
      }),
      intervalMs: options.intervalMs,
      batchSize: options.batchSize,
      maxAttempts: options.maxAttempts,
      log
    })
    fastify.decorate('outboxRelay', relay)
    // Switched off, the relay still drains on demand (an operator's script, the tests), but does not poll.
    if (!options.enabled) return
    fastify.addHook('onReady', async () => relay.start())
    // Fastify runs onClose hooks last-in, first-out: this one before the prisma plugin's, so no delivery outlives the pool.
    fastify.addHook('onClose', async () => relay.stop())
  },
  { name: 'outbox-relay', dependencies: ['repositories'] }
)
