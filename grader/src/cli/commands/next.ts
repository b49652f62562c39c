import { suggestNext, summarize } from '../../progress/progress.js'
import { listScenarios } from '../../scenarios/load-scenarios.js'
import { DIFFICULTY_NAMES } from '../../scenarios/manifest-schema.js'
import type { CommandContext } from '../command-context.js'
import { readSession } from '../session.js'

export interface NextOptions {
  json?: boolean
}

export async function next(options: NextOptions, ctx: CommandContext): Promise<number> {
  const [scenarios, { state, active }] = await Promise.all([listScenarios(ctx.repoRoot), readSession(ctx)])
  const suggestion = suggestNext(summarize(scenarios, state))
  if (options.json) {
    ctx.terminal.line(JSON.stringify({ active: active?.scenarioId ?? null, suggestion: suggestion ? { scenario: suggestion.scenario.id, reason: suggestion.reason } : null }, null, 2))
    return 0
  }
  const c = ctx.terminal.colors
  if (active) ctx.terminal.line(c.dim(`(${active.scenarioId} is still running; starting another stops its clock.)`))
  if (!suggestion) {
    ctx.terminal.line('There are no scenarios to suggest.')
    return 1
  }
  const { scenario, reason } = suggestion
  ctx.terminal.line(`${c.bold(scenario.id)}: ${scenario.title} ${c.dim(`· ${DIFFICULTY_NAMES[scenario.difficulty]}`)}`)
  ctx.terminal.line(`Why: ${reason}.`)
  ctx.terminal.line(`Start it: ${c.cyan(`drill start ${scenario.id}`)}`)
  return 0
}
