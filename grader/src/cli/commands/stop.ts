import { InfrastructureError } from '../../errors.js'
import { processAlive } from '../../lifecycle/processes.js'
import { listRuns } from '../../trainee/run-registry.js'
import { listWatches, type RunningWatch } from '../../trainee/watch-registry.js'
import type { CommandContext } from '../command-context.js'
import { serviceTarget } from '../session.js'

/** How long a `drill run` or `drill watch` gets to stop what it started before it is asked a second time. */
const GRACE_MS = 20_000

/**
 * Stops, as Ctrl-C in their terminals would, what `drill run` serves and what `drill watch`
 * keeps warm in this checkout: those of one service (a service name or a scenario id), or all.
 */
export async function stop(name: string | undefined, ctx: CommandContext): Promise<number> {
  const { repoRoot, terminal } = ctx
  let [runs, watches] = await Promise.all([listRuns(repoRoot), listWatches(repoRoot)])
  if (name) {
    const known = runs.some((running) => running.service === name) || watches.some((watch) => watch.service === name)
    const service = known ? name : (await serviceTarget(ctx, name, 'stop')).service
    runs = runs.filter((running) => running.service === service)
    watches = watches.filter((watch) => watch.service === service)
    if (!runs.length && !watches.length) {
      terminal.line(`Nothing to stop: no \`drill run\` or \`drill watch\` of this checkout works on ${service}.`)
      return 0
    }
  } else if (!runs.length && !watches.length) {
    terminal.line('Nothing to stop: no `drill run` or `drill watch` is running in this checkout.')
    return 0
  }
  for (const running of runs) {
    await stopProcess(running.pid, `\`drill run\` for ${running.service}`, running.mode === 'docker' ? 'its containers may then need stopping by hand (`docker ps`)' : 'its PostgreSQL and service stop with it')
    terminal.line(`Stopped ${running.service} (${running.url}, process ${running.pid}) and its database.`)
  }
  for (const watch of watches) {
    await stopProcess(watch.pid, `\`drill watch\` of ${watch.scenario}`, 'what it kept warm stops with it')
    terminal.line(`Stopped \`drill watch\` of ${watch.scenario} (process ${watch.pid})${describeWarm(watch) ? ` and ${describeWarm(watch)}` : ''}.`)
  }
  return 0
}

/** What a watch holds for the next check, in words, or '' when it holds nothing. */
function describeWarm(watch: RunningWatch): string {
  if (watch.warm !== 'warm' && watch.warm !== 'warming') return ''
  return watch.runtime === 'docker' ? "the database and tests' containers it kept warm" : 'the database and tests it kept warm'
}

async function stopProcess(pid: number, what: string, afterKill: string): Promise<void> {
  // SIGTERM: the process stops what it started as on Ctrl-C. A second signal makes it exit at
  // once, and its exit handlers (and its guardian) remove what is left.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    try {
      process.kill(pid, signal)
    } catch {
      return // gone already
    }
    const deadline = Date.now() + GRACE_MS
    while (processAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    if (!processAlive(pid)) return
  }
  throw new InfrastructureError(`${what} (process ${pid}) did not stop within ${(2 * GRACE_MS) / 1000} s. Stop it with \`kill -9 ${pid}\`; ${afterKill}.`)
}
