import { UsageError } from '../../errors.js'
import { findRun } from '../../trainee/run-registry.js'
import { formatExchange, replay, runToken, ServiceUnreachableError, type ReproExchange } from '../../trainee/repro.js'
import type { CommandContext } from '../command-context.js'
import { serviceTarget } from '../session.js'

export interface ReproOptions {
  url?: string
  json?: boolean
}

/** Replays the ticket's requests against the running service and shows every exchange. */
export async function repro(name: string | undefined, options: ReproOptions, ctx: CommandContext): Promise<number> {
  const { service, scenario } = await serviceTarget(ctx, name, 'repro')
  if (!scenario) throw new UsageError(`Name a scenario rather than the ${service} service: the reproduction steps belong to a scenario's ticket (\`drill list\` shows them).`)
  if (!scenario.repro.length) throw new UsageError(`${scenario.id} declares no reproduction steps; its ticket describes the symptom.`)
  const running = options.url ? undefined : await findRun(ctx.repoRoot, service)
  const baseUrl = options.url ?? running?.url
  if (!baseUrl) {
    throw new UsageError(
      `Nothing serves ${service} yet. Start it in another terminal with \`drill run ${scenario.id}\` and run \`drill repro\` again, or pass --url if you run it another way.`
    )
  }
  try {
    new URL(baseUrl)
  } catch {
    throw new UsageError(`--url must be a full URL such as http://127.0.0.1:3002, not "${baseUrl}".`)
  }
  const c = ctx.terminal.colors
  const token = runToken()
  if (!options.json) ctx.terminal.line(c.dim(`Replaying ${scenario.repro.length} requests from the ${scenario.id} ticket against ${baseUrl}\n`))
  let exchanges: ReproExchange[]
  try {
    exchanges = await replay(baseUrl, scenario.repro, token, ctx.signal, (exchange) => {
      if (!options.json) for (const line of formatExchange(exchange, c)) ctx.terminal.line(line)
    })
  } catch (error) {
    if (error instanceof ServiceUnreachableError) {
      throw new UsageError(`Could not replay the requests: ${error.message}. Is \`drill run ${scenario.id}\` still running, and did the service start without errors?`)
    }
    throw error
  }
  if (options.json) ctx.terminal.line(JSON.stringify({ scenario: scenario.id, url: baseUrl, exchanges }, null, 2))
  return 0
}
