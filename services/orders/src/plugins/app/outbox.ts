import fp from 'fastify-plugin'
import { createWebhookClient } from '../../clients/webhook-client.js'
import type { Config } from '../../config.js'
import { createIntervalJob, type IntervalJob } from '../../jobs/interval-job.js'
import { createOutboxCleanup } from '../../jobs/outbox-cleanup.js'
import { createOutboxRelay, type OutboxRelay } from '../../jobs/outbox-relay.js'
import { createOutboxAdmin, type OutboxAdmin } from '../../services/outbox-admin.js'

declare module 'fastify' {
  interface FastifyInstance {
    outboxAdmin: OutboxAdmin
    /** Null while `WEBHOOK_URL` is unset: events are recorded and wait for it. */
    outboxRelay: OutboxRelay | null
  }
}

export type OutboxPluginOptions = Pick<Config, 'webhook' | 'outbox'>

/**
 * The outbox's background work: the relay that delivers events to the webhook partner (when
 * one is configured and `OUTBOX_RELAY_ENABLED` is not false; otherwise another instance may
 * deliver, or `fastify.outboxRelay.drain()`) and the clean-up of old delivered events. Both
 * start once the server is ready and stop before it closes, ahead of the database pool.
 */
export default fp<OutboxPluginOptions>(
  async (fastify, { webhook, outbox: settings }) => {
    const { outbox } = fastify.repositories
    const log = fastify.log.child({ module: 'outbox' })
    const jobs: IntervalJob[] = []
    fastify.decorate('outboxAdmin', createOutboxAdmin({ outbox, log }))

    if (webhook) {
      const relay = createOutboxRelay({
        outbox,
        webhook: createWebhookClient({ ...webhook, log }),
        log,
        batchSize: settings.batchSize,
        maxDeliveries: settings.maxDeliveries
      })
      fastify.decorate('outboxRelay', relay)
      if (settings.relayEnabled) jobs.push(createIntervalJob({ name: 'outbox-relay', intervalMs: settings.pollIntervalMs, run: relay.drain, log }))
    } else {
      log.info('WEBHOOK_URL is unset: order events are recorded but not delivered')
      fastify.decorate('outboxRelay', null)
    }

    if (settings.retentionDays > 0) {
      const cleanUp = createOutboxCleanup({ outbox, retentionDays: settings.retentionDays, log })
      jobs.push(createIntervalJob({ name: 'outbox-cleanup', intervalMs: settings.cleanupIntervalMs, run: cleanUp, log }))
    }

    fastify.addHook('onReady', async () => {
      for (const job of jobs) job.start()
    })
    fastify.addHook('preClose', async () => {
      await Promise.all(jobs.map((job) => job.stop()))
    })
  },
  { name: 'outbox', dependencies: ['repositories'] }
)
