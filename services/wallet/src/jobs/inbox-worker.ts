import type { FastifyBaseLogger } from 'fastify'
import type { InboxService } from '../services/inbox-service.js'

export interface InboxWorkerOptions {
  inbox: InboxService
  intervalMs: number
  batchSize: number
  log: FastifyBaseLogger
}

export interface InboxWorker {
  /** Polls every `intervalMs` until stopped; a run that finds a full batch polls again at once. */
  start(): void
  /** Stops polling and waits for the run in progress. */
  stop(): Promise<void>
  /** Applies one batch of pending events, oldest first; returns how many it handled. */
  drainOnce(): Promise<number>
}

/** Applies the provider events in the inbox to wallets, in the order they arrived. */
export function createInboxWorker({ inbox, intervalMs, batchSize, log }: InboxWorkerOptions): InboxWorker {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | undefined
  let stopped = true

  async function drainOnce(): Promise<number> {
    const ids = await inbox.pending(batchSize)
    for (const id of ids) {
      if (stopped && timer !== undefined) break
      try {
        await inbox.apply(id)
      } catch (error) {
        // The event stays pending: the next run tries it again.
        log.error({ err: error, providerEventRow: id.toString() }, 'applying a provider event failed')
      }
    }
    return ids.length
  }

  function schedule(delayMs: number): void {
    if (stopped) return
    timer = setTimeout(() => {
      running = drainOnce()
      running
        .then(
          (handled) => schedule(handled === batchSize ? 0 : intervalMs),
          (error: unknown) => {
            log.error({ err: error }, 'inbox worker run failed')
            schedule(intervalMs)
          }
        )
        .finally(() => {
          running = undefined
        })
    }, delayMs)
    // Polling alone must not keep the process alive.
    timer.unref()
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      log.info({ intervalMs, batchSize }, 'inbox worker started')
      schedule(0)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running?.catch(() => undefined)
    },
    drainOnce
  }
}
