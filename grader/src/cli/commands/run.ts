import { join, relative } from 'node:path'
import { CancelledError, UsageError } from '../../errors.js'
import { startDockerRun } from '../../trainee/docker-run.js'
import { startEmbeddedRun } from '../../trainee/embedded-run.js'
import { watchParent } from '../../lifecycle/parent-watch.js'
import { findRun, registerRun } from '../../trainee/run-registry.js'
import type { Scenario } from '../../scenarios/scenario.js'
import { startDependencyRuns, type DependencyRun, type DependencyRuns } from '../../trainee/dependency-runs.js'
import type { ServiceRun, ServiceRunOptions } from '../../trainee/service-run.js'
import { waitForHealth } from '../../runtime/health.js'
import { defaultPort, ensurePortFree, ensurePrismaClient, firstApiKey, laptopEnvironment, parsePort } from '../../trainee/service-setup.js'
import type { CommandContext } from '../command-context.js'
import { serviceTarget } from '../session.js'

export interface RunOptions {
  docker?: boolean
  prod?: boolean
  inspect?: boolean | string | number
  port?: string | number
  dbPort?: string | number
  seed?: boolean
  sql?: boolean
}

const DEFAULT_INSPECT_PORT = 9229
/** The name of the debugger configuration in `.vscode/launch.json` (and the README), which attaches to port 9229. */
const VSCODE_CONFIGURATION = 'Attach to drill run'

/**
 * Runs a service for hands-on debugging until Ctrl-C: the working copy, reloaded on save, with a
 * migrated and seeded database, with a laptop's settings (`.env.example`), or with the
 * production settings of the scenario's deployment under `--prod`.
 */
export async function run(name: string | undefined, options: RunOptions, ctx: CommandContext): Promise<number> {
  const { repoRoot, terminal } = ctx
  // Stop as on Ctrl-C when the process that started this one ends (a killed `npx` wrapper).
  using parent = watchParent()
  parent.signal.addEventListener('abort', () => terminal.error('\ndrill: the process that started `drill run` has ended; stopping what this run started…'), { once: true })
  const signal = AbortSignal.any([ctx.signal, parent.signal])
  const { service, scenario } = await serviceTarget(ctx, name, 'run')
  const serviceDir = join(repoRoot, 'services', service)
  const port = parsePort(options.port, '--port') ?? (await defaultPort(serviceDir))
  const databasePort = parsePort(options.dbPort, '--db-port')
  const inspectPort = options.inspect === undefined || options.inspect === false ? undefined : (parsePort(options.inspect, '--inspect') ?? DEFAULT_INSPECT_PORT)
  const already = await findRun(repoRoot, service)
  if (already) {
    throw new UsageError(
      `\`drill run\` already serves ${service} on ${already.url} (process ${already.pid}), probably in another terminal. Use that one (\`drill repro\` finds it), or stop it first (Ctrl-C there, or \`drill stop ${service}\`).`
    )
  }
  await ensurePortFree(port, `the ${service} service`, '--port <port>')
  if (databasePort) await ensurePortFree(databasePort, `the ${service} database`, '--db-port <port>')
  if (inspectPort) await ensurePortFree(inspectPort, 'the debugger', '--inspect <port>')

  const step = async <T>(text: string, work: () => Promise<T>): Promise<T> => {
    if (signal.aborted) throw new CancelledError()
    const end = terminal.progress(text)
    try {
      const result = await work()
      end('ok')
      if (signal.aborted) throw new CancelledError()
      return result
    } catch (error) {
      end('fail')
      throw error
    }
  }
  // The services the drill's service calls come first, so it finds them when it starts.
  const dependencies = await startDependencyRuns(scenario?.dependsOn ?? [], Boolean(options.docker), { repoRoot, seed: options.seed !== false, signal, step })
  try {
    const facts: RunFacts = { ctx, options, service, scenario, serviceDir, port, databasePort, inspectPort, signal, step }
    return await runService({ ...facts, environment: { ...(await laptopEnvironment(serviceDir)), ...(options.prod ? (scenario?.environment ?? {}) : {}), ...dependencies.environment }, dependencies })
  } finally {
    await dependencies.stop()
  }
}

interface RunFacts {
  ctx: CommandContext
  options: RunOptions
  service: string
  scenario: Scenario | undefined
  serviceDir: string
  port: number
  databasePort: number | undefined
  inspectPort: number | undefined
  signal: AbortSignal
  step: <T>(text: string, work: () => Promise<T>) => Promise<T>
}

async function runService(facts: RunFacts & { environment: Record<string, string>; dependencies: DependencyRuns }): Promise<number> {
  const { ctx, options, service, scenario, serviceDir, port, databasePort, inspectPort, signal, step, environment, dependencies } = facts
  const { repoRoot, terminal } = ctx
  const c = terminal.colors
  const runOptions: ServiceRunOptions = {
    repoRoot,
    service,
    serviceDir,
    port,
    databasePort,
    inspectPort,
    environment,
    seed: options.seed !== false,
    signal,
    step,
    ...(dependencies.linksNetwork ? { linksNetwork: dependencies.linksNetwork } : {}),
    ...(options.sql ? { onSql: (line: string) => line.includes('statement: ') && terminal.line(c.dim(`sql │ ${line.replace(/^.*?statement: /, '')}`)) } : {})
  }
  let handle: ServiceRun
  if (options.docker) {
    handle = await startDockerRun({ ...runOptions, onReload: (outcome) => terminal.line(c.dim(`drill: ${outcome}`)) })
  } else {
    await step(`Generating the Prisma client of ${service}`, () => ensurePrismaClient(serviceDir, service))
    handle = await startEmbeddedRun(runOptions)
  }
  try {
    const unregister = await registerRun(repoRoot, {
      service,
      ...(scenario ? { scenario: scenario.id } : {}),
      pid: process.pid,
      url: handle.url,
      databaseUrl: handle.databaseUrl,
      ...(handle.sqlLog ? { sqlLog: handle.sqlLog } : {}),
      ...(handle.inspect ? { inspect: handle.inspect } : {}),
      ...(firstApiKey(environment) ? { apiKey: firstApiKey(environment) } : {}),
      mode: options.docker ? 'docker' : 'embedded',
      startedAt: new Date().toISOString()
    })
    try {
      const healthy = await step(`Waiting for ${service} to answer`, () => waitForHealth(handle.url, options.docker ? 60_000 : 30_000, signal))
      const apiKey = firstApiKey(environment)
      printBanner(ctx, { service, scenarioId: scenario?.id, prod: Boolean(options.prod), apiKey, handle, healthy, docker: Boolean(options.docker), sql: Boolean(options.sql), dependencies: dependencies.runs })
      const aborted = new Promise<'aborted'>((resolve) => {
        if (signal.aborted) resolve('aborted')
        signal.addEventListener('abort', () => resolve('aborted'), { once: true })
      })
      const ended = await Promise.race([handle.exited, aborted])
      if (ended !== 'aborted') {
        terminal.error(`drill: the ${service} service process ended by itself (exit code ${ended}); its log is above. Its database was stopped too.`)
        return 1
      }
    } finally {
      await unregister()
    }
  } finally {
    await handle.stop()
  }
  const others = dependencies.runs.map((run) => run.service)
  terminal.line(c.dim(`Stopped ${service} and its database${others.length ? `, then ${others.join(', ')}` : ''}.`))
  return 0
}

interface BannerFacts {
  service: string
  scenarioId: string | undefined
  prod: boolean
  apiKey: string | undefined
  handle: ServiceRun
  healthy: boolean
  docker: boolean
  sql: boolean
  dependencies: DependencyRun[]
}

function printBanner({ terminal, repoRoot }: CommandContext, facts: BannerFacts): void {
  const c = terminal.colors
  const { handle } = facts
  const row = (label: string, text: string) => terminal.line(`  ${c.bold(label.padEnd(10))} ${text}`)
  terminal.line()
  const settings = facts.prod ? `production settings (scenarios/${facts.scenarioId ?? ''}/scenario.yaml)` : `laptop settings (services/${facts.service}/.env.example)`
  terminal.line(`${c.green(c.bold(`${facts.service} is running`))}${facts.scenarioId ? c.dim(` for ${facts.scenarioId}`) : ''}${c.dim(` · ${settings}`)}`)
  if (!facts.healthy) terminal.line(c.yellow(`  It does not answer /health yet: its log above says why. It restarts when you save a file.`))
  const auth = facts.apiKey ? ` -H 'Authorization: Bearer ${facts.apiKey}'` : ''
  row('Service', `${handle.url}   ${c.dim(`curl -i${auth} ${handle.url}/...`)}`)
  row('Database', `${handle.databaseUrl}   ${c.dim(`psql '${handle.databaseUrl}'`)}`)
  for (const dependency of facts.dependencies) {
    row('Calls', `${dependency.service} on ${dependency.url}   ${c.dim(`its database: psql '${dependency.handle.databaseUrl}'`)}`)
  }
  const sql = handle.sqlLog ? `every statement is logged to ${relative(repoRoot, handle.sqlLog)} (tail -f it)` : `every statement: ${handle.sqlCommand ?? ''}`
  row('SQL', facts.sql ? 'every statement is shown below as it runs' : `${sql}, or restart with --sql to see them here`)
  if (handle.inspect) printDebugger(row, terminal, handle.inspect)
  else row('Debugger', c.dim('restart with --inspect to attach VS Code or Chrome DevTools'))
  if (facts.scenarioId) row('Repro', `drill repro ${c.dim("(in another terminal: replays the ticket's requests)")}`)
  row('Reload', `save a file under services/${facts.service}/src and the service restarts${facts.docker ? ' (re-bundled into its container)' : ''}`)
  row('Stop', `Ctrl-C stops the service and its database (or \`drill stop ${facts.service}\` from another terminal)`)
  terminal.line()
}

/**
 * The committed VS Code configuration attaches to the default port; on any other port the
 * banner prints a configuration to paste next to it.
 */
function printDebugger(row: (label: string, text: string) => void, terminal: CommandContext['terminal'], inspect: string): void {
  const [address, port] = inspect.split(':')
  if (Number(port) === DEFAULT_INSPECT_PORT) {
    row('Debugger', `ws://${inspect}: attach with VS Code's "${VSCODE_CONFIGURATION}" configuration (.vscode/launch.json) or chrome://inspect`)
    return
  }
  row('Debugger', `ws://${inspect}: chrome://inspect (Configure… ${inspect}), or in VS Code add this to .vscode/launch.json's "configurations":`)
  const configuration = { name: `${VSCODE_CONFIGURATION} (port ${port})`, type: 'node', request: 'attach', address, port: Number(port), restart: true, skipFiles: ['<node_internals>/**'] }
  for (const line of JSON.stringify(configuration, null, 2).split('\n')) terminal.line(`             ${line}`)
}
