import { type CommandContext, type GradingRuntime, parsePort, parseRuntimeChoice, selectRuntime, type ServeOptions, untilAborted, UsageError } from '@debug-drills/grader'
import type { QueueTiming } from '../grading-queue.js'

export function wholeNumber(value: unknown, flag: string, min: number, max: number): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < min || number > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}".`)
  return number
}

/** Queue timing from flags; `DRILL_QUEUE_MAINTENANCE_SECONDS` shortens how long a dead worker's job waits (tests). */
export function queueTiming(gradeTimeout: unknown): Partial<QueueTiming> {
  const maintenance = process.env.DRILL_QUEUE_MAINTENANCE_SECONDS
  return {
    ...(gradeTimeout !== undefined ? { gradeTimeoutMs: wholeNumber(gradeTimeout, '--grade-timeout', 10, 3600) * 1000 } : {}),
    ...(maintenance ? { maintenanceIntervalSeconds: wholeNumber(maintenance, 'DRILL_QUEUE_MAINTENANCE_SECONDS', 1, 600) } : {})
  }
}

export async function gradingRuntime(choice: string | undefined, ctx: CommandContext): Promise<GradingRuntime> {
  const runtime = await selectRuntime(parseRuntimeChoice(choice ?? 'docker'))
  if (process.getuid?.() === 0) {
    ctx.terminal.error(
      ctx.terminal.colors.yellow(
        runtime.name === 'docker'
          ? "drill: this grader runs as root (trainees' services and the hidden tests run in containers as an unprivileged user, and on Linux their builds too). Where you can, run it as an ordinary user in the docker group."
          : "drill: this grader runs as root, and so do the builds and services of trainees' submissions. Where you can, run it as an ordinary user."
      )
    )
  }
  if (runtime.name === 'embedded') {
    ctx.terminal.error(
      ctx.terminal.colors.yellow('drill: grading on the embedded runtime runs trainees\' code as this user, with no container around it. Use it only with people you trust; the docker runtime is the default for that reason.')
    )
  }
  return runtime
}

/** `drill serve`: the workshop server, until Ctrl-C. */
export async function serve(options: ServeOptions, ctx: CommandContext): Promise<number> {
  const workers = wholeNumber(options.workers ?? 1, '--workers', 0, 64)
  const databaseUrl = options.databaseUrl ?? process.env.DRILL_DATABASE_URL
  const runtime = workers > 0 ? await gradingRuntime(options.runtime, ctx) : undefined
  const { startWorkshopServer } = await import('../workshop-server.js')
  const c = ctx.terminal.colors
  const done = ctx.terminal.progress('Starting the workshop server')
  let server
  try {
    server = await startWorkshopServer({
      repoRoot: ctx.repoRoot,
      host: options.host ?? '127.0.0.1',
      port: parsePort(options.port, '--port') ?? 4000,
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.databasePort !== undefined ? { databasePort: parsePort(options.databasePort, '--database-port') ?? 0 } : {}),
      workers,
      ...(runtime ? { runtime } : {}),
      submissionsPerMinute: wholeNumber(options.submissionsPerMinute ?? 6, '--submissions-per-minute', 1, 600),
      timing: queueTiming(options.gradeTimeout),
      onLog: (line) => ctx.terminal.line(c.dim(line))
    })
    done('ok')
  } catch (error) {
    done('fail')
    throw error
  }
  try {
    const host = options.host && options.host !== '0.0.0.0' ? server.url : server.url.replace('0.0.0.0', '<this machine>')
    ctx.terminal.line()
    ctx.terminal.line(`${c.bold('Workshop server')} at ${c.cyan(host)}`)
    ctx.terminal.line(`  Facilitator page: ${c.cyan(`${host}/facilitator#token=${server.facilitatorToken}`)}`)
    ctx.terminal.line(`  Facilitator token: ${server.facilitatorToken} ${c.dim(`(kept in ${server.tokenFile})`)}`)
    ctx.terminal.line(`  Grading: ${workers > 0 ? `${workers} at a time on this machine (${runtime?.name} runtime)` : 'none here: start `drill worker` on grader machines'}`)
    ctx.terminal.line(`  More graders: ${c.cyan(`drill worker --database-url '${server.databaseUrl}'`)}`)
    ctx.terminal.line(c.dim('  Ctrl-C stops the server; workshops, submissions and results are kept for the next start.'))
    await untilAborted(ctx.signal)
  } finally {
    await server.stop()
  }
  ctx.terminal.line('Workshop server stopped; its data is kept.')
  return 0
}
