import { UsageError } from '../../errors.js'
import { findRun } from '../../trainee/run-registry.js'
import { join } from 'node:path'
import { formatExchange, formatSummary, replay, ReproStepError, runToken, ServiceUnreachableError, type ReproExchange } from '../../trainee/repro.js'
import { firstApiKey, laptopEnvironment } from '../../trainee/service-setup.js'
import type { CommandContext } from '../command-context.js'
import { serviceTarget } from '../session.js'

export interface ReproOptions {
  url?: string
  apiKey?: string
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
  const apiKey = options.apiKey ?? running?.apiKey ?? firstApiKey(await laptopEnvironment(join(ctx.repoRoot, 'services', service)))
  if (!options.json) ctx.terminal.line(c.dim(`Replaying ${scenario.repro.length} requests from the ${scenario.id} ticket against ${baseUrl}\n`))
  let exchanges: ReproExchange[]
  try {
    exchanges = await replay(baseUrl, scenario.repro, {
      runToken: runToken(),
      apiKey,
      signal: ctx.signal,
      onExchange: (exchange) => {
        if (!options.json) for (const line of formatExchange(exchange, c)) ctx.terminal.line(line)
      }
    })
  } catch (error) {
    if (error instanceof ServiceUnreachableError) {
      throw new UsageError(`Could not replay the requests: ${error.message}. Is \`drill run ${scenario.id}\` still running, and did the service start without errors?`)
    }
    if (error instanceof ReproStepError) throw new UsageError(`Could not replay the rest of the requests: ${error.message}`)
    throw error
  }
  if (options.json) ctx.terminal.line(JSON.stringify({ scenario: scenario.id, url: baseUrl, exchanges: exchanges.map(withParsedBodies) }, null, 2))
  else for (const line of formatSummary(exchanges, c)) ctx.terminal.line(line)
  return 0
}

function parsed(body: string | undefined): unknown {
  if (body === undefined || body === '') return body
  try {
    return JSON.parse(body) as unknown
  } catch {
    return body
  }
}

/** JSON bodies as JSON, so a program reading `--json` need not parse them twice. */
function withParsedBodies(exchange: ReproExchange) {
  return {
    ...exchange,
    request: { ...exchange.request, body: parsed(exchange.request.body) },
    response: { ...exchange.response, body: parsed(exchange.response.body) }
  }
}
