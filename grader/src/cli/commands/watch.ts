import { join } from 'node:path'
import { watch as watchFiles } from 'chokidar'
import { CancelledError } from '../../errors.js'
import { warmStart, type WarmStart } from '../../grading/grade.js'
import { parseRuntimeChoice, selectRuntime } from '../../runtime/select-runtime.js'
import { isGradedSource } from '../../workspace/working-copy-changes.js'
import type { CommandContext } from '../command-context.js'
import { scenarioOrActive } from '../session.js'
import { checkOnce, parseTimeout } from './check.js'

export interface WatchOptions {
  runtime?: string
  timeout?: number
}

// Long enough to take an editor's save (write, rename, chmod) or a "save all" as one change.
const DEBOUNCE_MS = 100

/**
 * Checks now and again after every save to the service's source, one check at a time: saves
 * during a check queue exactly one more. Ends when the drill passes, or on Ctrl-C. While the
 * trainee edits, the next check's database, tests and called services are started already
 * (warmStart), so a save waits only for what depends on the edit.
 */
export async function watch(name: string | undefined, options: WatchOptions, ctx: CommandContext): Promise<number> {
  const { repoRoot, terminal, signal } = ctx
  const scenario = await scenarioOrActive(ctx, name, 'watch', ', or name the scenario to watch')
  const timeoutMs = parseTimeout(options.timeout)
  const runtime = await selectRuntime(parseRuntimeChoice(options.runtime ?? 'auto'), (line) => terminal.line(terminal.colors.dim(line)))
  const serviceDir = join(repoRoot, 'services', scenario.service)
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
  try {
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
    while (!signal.aborted) {
      if (pending) {
        pending = false
        // The check takes the warm start over: it uses it if it fits, and stops it either way.
        const offered = warm
        warm = undefined
        const report = await checkOnce(scenario, runtime, { timeoutMs, warm: offered }, ctx)
        if (report.verdict === 'pass') return 0
        // A warm start that fails is no verdict: the check that would have used it starts afresh and says why.
        warm = warmStart({ repoRoot, scenario, runtime, signal })
        warm.catch(() => undefined)
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
    await watcher.close()
    await (await warm?.catch(() => undefined))?.[Symbol.asyncDispose]()
  }
}
