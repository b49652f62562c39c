import { join } from 'node:path'
import { watch as watchFiles } from 'chokidar'
import { CancelledError, UsageError } from '../../errors.js'
import { warmStart, type WarmStart } from '../../grading/grade.js'
import { parseRuntimeChoice, selectRuntime } from '../../runtime/select-runtime.js'
import { registerWatch } from '../../trainee/watch-registry.js'
import { isGradedSource } from '../../workspace/working-copy-changes.js'
import type { CommandContext } from '../command-context.js'
import { scenarioOrActive } from '../session.js'
import { checkOnce, parseTimeout } from './check.js'

export interface WatchOptions {
  runtime?: string
  timeout?: number
  /** Minutes without a save after which the warm pieces stop (0: never). */
  idle?: number | string
}

/** A forgotten terminal should not hold a database and containers for the rest of the day. */
export const DEFAULT_IDLE_MINUTES = 15

export function parseIdleMinutes(value: unknown): number {
  if (value === undefined) return DEFAULT_IDLE_MINUTES
  const minutes = Number(value)
  if (value === '' || value === true || !Number.isFinite(minutes) || minutes < 0) {
    throw new UsageError(`--idle is in minutes (decimals allowed) and must be 0 or more, not "${String(value)}"; 0 keeps the warm start until watch ends.`)
  }
  return minutes
}

// Long enough to take an editor's save (write, rename, chmod) or a "save all" as one change.
const DEBOUNCE_MS = 100

/**
 * Checks now and again after every save to the service's source, one check at a time: saves
 * during a check queue exactly one more. Ends when the drill passes, or on Ctrl-C. While the
 * trainee edits, the next check's database, tests and called services are started already
 * (warmStart), so a save waits only for what depends on the edit. After `idle` minutes without a
 * save those pieces stop, and the next save checks from a cold start. `drill status` shows the
 * watch and what it holds; `drill stop` ends it.
 */
export async function watch(name: string | undefined, options: WatchOptions, ctx: CommandContext): Promise<number> {
  const { repoRoot, terminal, signal } = ctx
  const scenario = await scenarioOrActive(ctx, name, 'watch', ', or name the scenario to watch')
  const timeoutMs = parseTimeout(options.timeout)
  const idleMinutes = parseIdleMinutes(options.idle)
  const runtime = await selectRuntime(parseRuntimeChoice(options.runtime ?? 'auto'), (line) => terminal.line(terminal.colors.dim(line)))
  const serviceDir = join(repoRoot, 'services', scenario.service)
  const registry = await registerWatch(repoRoot, {
    scenario: scenario.id,
    service: scenario.service,
    pid: process.pid,
    runtime: runtime.name,
    idleMinutes,
    startedAt: new Date().toISOString()
  })
  let pending = true
  let wake: (() => void) | undefined
  let timer: NodeJS.Timeout | undefined
  const watcher = watchFiles(join(serviceDir, 'src'), {
    ignoreInitial: true,
    ignored: (path) => path.startsWith(join(serviceDir, 'src', 'generated'))
  })
  watcher.on('all', (_event, path) => {
    if (!isGradedSource(path.slice(serviceDir.length + 1))) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      pending = true
      wake?.()
    }, DEBOUNCE_MS)
  })
  const onAbort = () => wake?.()
  signal.addEventListener('abort', onAbort)
  let warm: Promise<WarmStart> | undefined
  let idleTimer: NodeJS.Timeout | undefined
  let releasing: Promise<void> | undefined
  const keepWarm = () => {
    const started = warmStart({ repoRoot, scenario, runtime, signal })
    warm = started
    void registry.update('warming')
    started.then(
      () => {
        if (warm === started) void registry.update('warm')
      },
      () => {
        if (warm !== started) return
        // Nothing is held, so there is nothing for the idle timeout to stop or announce.
        clearTimeout(idleTimer)
        void registry.update('none')
      }
    )
    if (idleMinutes > 0) idleTimer = setTimeout(() => (releasing = release(started)), idleMinutes * 60_000)
  }
  const release = async (held: Promise<WarmStart>) => {
    if (warm !== held) return
    warm = undefined
    void registry.update('idle')
    terminal.line(terminal.colors.dim(`No save for ${idleMinutes} min: stopped the database and tests kept warm for the next check. The next save checks from a cold start.`))
    await (await held.catch(() => undefined))?.[Symbol.asyncDispose]()
  }
  try {
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
    while (!signal.aborted) {
      if (pending) {
        pending = false
        // The check takes the warm start over: it uses it if it fits, and stops it either way.
        const offered = warm
        warm = undefined
        clearTimeout(idleTimer)
        void registry.update('none')
        const report = await checkOnce(scenario, runtime, { timeoutMs, warm: offered }, ctx)
        if (report.verdict === 'pass') return 0
        // A warm start that fails is no verdict: the check that would have used it starts afresh and says why.
        keepWarm()
        terminal.line(terminal.colors.dim(`\nWatching services/${scenario.service}/src: save a file to check again. Ctrl-C stops.\n`))
        continue
      }
      await new Promise<void>((resolve) => {
        wake = resolve
      })
      wake = undefined
    }
    throw new CancelledError()
  } finally {
    signal.removeEventListener('abort', onAbort)
    clearTimeout(timer)
    clearTimeout(idleTimer)
    await watcher.close()
    await (await warm?.catch(() => undefined))?.[Symbol.asyncDispose]()
    await releasing
    await registry.remove()
  }
}
