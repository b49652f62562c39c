import { InfrastructureError } from '../../errors.js'
import { processAlive } from '../../lifecycle/processes.js'
import { listRuns, type RunningService } from '../../trainee/run-registry.js'
import type { CommandContext } from '../command-context.js'
import { serviceTarget } from '../session.js'

/** How long a `drill run` gets to stop its service and database before it is asked a second time. */
const GRACE_MS = 20_000

/**
 * Stops what `drill run` serves in this checkout, as Ctrl-C in its terminal would: one service
 * (a service name or a scenario id), or every run when none is named.
 */
export async function stop(name: string | undefined, ctx: CommandContext): Promise<number> {
  const { repoRoot, terminal } = ctx
  const runs = await listRuns(repoRoot)
  let targets: RunningService[] = runs
  if (name) {
    const service = runs.some((running) => running.service === name) ? name : (await serviceTarget(ctx, name, 'stop')).service
    targets = runs.filter((running) => running.service === service)
    if (!targets.length) {
      terminal.line(`Nothing to stop: no \`drill run\` of this checkout serves ${service}.`)
      return 0
    }
  } else if (!targets.length) {
    terminal.line('Nothing to stop: no `drill run` is running in this checkout.')
    return 0
  }
  for (const running of targets) {
    await stopRun(running)
    terminal.line(`Stopped ${running.service} (${running.url}, process ${running.pid}) and its database.`)
  }
  return 0
}

async function stopRun(running: RunningService): Promise<void> {
  // SIGTERM: the run stops its service and database as on Ctrl-C. A second signal makes it
  // exit at once, and its exit handlers kill what is left.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    try {
      process.kill(running.pid, signal)
    } catch {
      return // gone already
    }
    const deadline = Date.now() + GRACE_MS
    while (processAlive(running.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    if (!processAlive(running.pid)) return
  }
  throw new InfrastructureError(
    `\`drill run\` for ${running.service} (process ${running.pid}) did not stop within ${(2 * GRACE_MS) / 1000} s. Stop it with \`kill -9 ${running.pid}\`; ${running.mode === 'docker' ? 'its containers may then need stopping by hand (`docker ps`)' : 'its PostgreSQL and service stop with it'}.`
  )
}
