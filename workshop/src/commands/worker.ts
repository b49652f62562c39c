import { type CommandContext, type WorkerOptions, untilAborted, UsageError } from '@debug-drills/grader'
import { gradingRuntime, queueTiming, wholeNumber } from './serve.js'

/** `drill worker`: grades workshop submissions from the server's queue until Ctrl-C. */
export async function worker(options: WorkerOptions, ctx: CommandContext): Promise<number> {
  const databaseUrl = options.databaseUrl ?? process.env.DRILL_DATABASE_URL
  if (!databaseUrl) throw new UsageError('A worker grades from the workshop server\'s database: give its URL with --database-url (`drill serve` prints it) or DRILL_DATABASE_URL.')
  const concurrency = wholeNumber(options.concurrency ?? 1, '--concurrency', 1, 64)
  const runtime = await gradingRuntime(options.runtime, ctx)
  const { startWorkerProcess } = await import('../workshop-server.js')
  const c = ctx.terminal.colors
  const running = await startWorkerProcess({
    repoRoot: ctx.repoRoot,
    databaseUrl,
    runtime,
    concurrency,
    ...(options.name ? { name: String(options.name) } : {}),
    timing: queueTiming(undefined),
    onLog: (line) => ctx.terminal.error(c.dim(line)),
    onGraded: (id, status) => ctx.terminal.line(`${new Date().toISOString()} ${id} ${status}`),
    onRequeued: (id, grader) => ctx.terminal.line(`${new Date().toISOString()} ${id} back in the queue: its grader ${grader} is no longer running`)
  })
  try {
    ctx.terminal.line(`${c.bold('Grading worker')} ${running.name}: ${concurrency} at a time on the ${runtime.name} runtime. Ctrl-C stops it; a grading under way goes back to the queue.`)
    await untilAborted(ctx.signal)
  } finally {
    await running.stop()
  }
  ctx.terminal.line('Worker stopped.')
  return 0
}
