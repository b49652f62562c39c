import { DIFFICULTY_NAMES } from '../../scenarios/manifest-schema.js'
import { listScenarios } from '../../scenarios/load-scenarios.js'
import type { CommandContext } from '../command-context.js'

export interface ListOptions {
  json?: boolean
}

export async function list(options: ListOptions, { repoRoot, terminal }: CommandContext): Promise<number> {
  const scenarios = await listScenarios(repoRoot)
  if (options.json) {
    terminal.line(
      JSON.stringify(
        scenarios.map(({ id, title, service, bugClass, difficulty, timeLimitMinutes }) => ({ id, title, service, bugClass, difficulty, timeLimitMinutes })),
        null,
        2
      )
    )
    return 0
  }
  const c = terminal.colors
  const width = Math.max(...scenarios.map((scenario) => scenario.id.length))
  for (const scenario of scenarios) {
    terminal.line(
      `${c.bold(scenario.id.padEnd(width))}  ${scenario.title}  ${c.dim(`${scenario.bugClass} · ${DIFFICULTY_NAMES[scenario.difficulty]} · ${scenario.timeLimitMinutes} min`)}`
    )
  }
  return 0
}
