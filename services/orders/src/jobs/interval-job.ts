import type { FastifyBaseLogger } from 'fastify'

export interface IntervalJobOptions {
  name: string
  intervalMs: number
  /** One run; `signal` aborts when the job stops, so a long run can end early. */
  run: (signal: AbortSignal) => Promise<unknown>
  log: FastifyBaseLogger
}

export interface IntervalJob {
  start(): void
  /** No new run starts; resolves when the current one, told to abort, has ended. */
  stop(): Promise<void>
}

/**
 * Runs `run` every `intervalMs`, counted from the end of the previous run, so runs never
 * overlap however long one takes. A failed run is logged and the next one comes as usual.
 * The timer does not keep the process alive on its own.
 */
export function createIntervalJob({ name, intervalMs, run, log }: IntervalJobOptions): IntervalJob {
  const stopping = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let current: Promise<void> | undefined

  function scheduleNext(): void {
    if (stopping.signal.aborted) return
    timer = setTimeout(() => {
      current = run(stopping.signal)
        .then(
          () => undefined,
          (error: unknown) => log.error({ err: error, job: name }, 'background job run failed')
        )
        .finally(() => {
          current = undefined
          scheduleNext()
        })
    }, intervalMs)
    timer.unref()
  }

  return {
    start() {
      if (timer || stopping.signal.aborted) return
      log.info({ job: name, intervalMs }, 'background job started')
      scheduleNext()
    },
    async stop() {
      stopping.abort()
      clearTimeout(timer)
      await current
    }
  }
}
