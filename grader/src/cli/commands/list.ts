import { readState, statePath } from '../../progress/state-file.js'
import type { State } from '../../progress/state-schema.js'
import { DIFFICULTY_NAMES } from '../../scenarios/manifest-schema.js'
import { listScenarios } from '../../scenarios/load-scenarios.js'
import type { CommandContext } from '../command-context.js'

export interface ListOptions {
  json?: boolean
}

/** Drills whose bug class the trainee may see: solved or given up. A progress file that cannot be read reveals none. */
async function revealedDrills(repoRoot: string): Promise<Set<string>> {
  const state: State | undefined = await readState(statePath(repoRoot)).catch(() => undefined)
  const ended = Object.entries(state?.scenarios ?? {}).filter(([, progress]) => progress.attempts.some((attempt) => attempt.outcome === 'solved' || attempt.outcome === 'gave-up'))
  return new Set(ended.map(([id]) => id))
}

/** The drills, without the bug class of those not solved or given up yet: knowing it is half the hunt. */
export async function list(options: ListOptions, { repoRoot, terminal }: CommandContext): Promise<number> {
  const [scenarios, revealed] = await Promise.all([listScenarios(repoRoot), revealedDrills(repoRoot)])
  if (options.json) {
    terminal.line(
      JSON.stringify(
        scenarios.map(({ id, title, service, bugClass, difficulty, timeLimitMinutes, tutorial }) => ({
          id,
          title,
          service,
          difficulty,
          timeLimitMinutes,
          tutorial,
          ...(revealed.has(id) ? { bugClass } : {})
        })),
        null,
        2
      )
    )
    return 0
  }
  const c = terminal.colors
  const width = Math.max(...scenarios.map((scenario) => scenario.id.length))
  for (const scenario of scenarios) {
    const facts = [scenario.tutorial ? 'tutorial' : DIFFICULTY_NAMES[scenario.difficulty], `${scenario.timeLimitMinutes} min`, ...(revealed.has(scenario.id) ? [scenario.bugClass] : [])]
    terminal.line(`${c.bold(scenario.id.padEnd(width))}  ${scenario.title}  ${c.dim(facts.join(' · '))}`)
  }
  return 0
}
