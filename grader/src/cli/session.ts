import { listServices } from '../authoring/list-services.js'
import { UsageError } from '../errors.js'
import { activeDrill, type ActiveDrill } from '../progress/progress.js'
import { readState, statePath } from '../progress/state-file.js'
import type { State } from '../progress/state-schema.js'
import { findScenario, listScenarios } from '../scenarios/load-scenarios.js'
import type { Scenario } from '../scenarios/scenario.js'
import { readDrillBranch } from '../workspace/planted-drill.js'
import type { CommandContext } from './command-context.js'

export class NoActiveDrillError extends UsageError {
  constructor(command: string, alternative = '') {
    super(
      `No drill is active, so \`drill ${command}\` does not know what to work on. Start one with \`drill start <scenario>\` (\`drill next\` suggests one, \`drill list\` shows them all)${alternative}.`
    )
  }
}

export interface Session {
  path: string
  state: State
  active: ActiveDrill | undefined
}

export async function readSession({ repoRoot }: CommandContext): Promise<Session> {
  const path = statePath(repoRoot)
  const state = await readState(path)
  return { path, state, active: activeDrill(state) }
}

/**
 * The named scenario, or the active drill's when none is named; after a solve or a give-up, the
 * drill whose branch the checkout is still on (checked, not recorded).
 */
export async function scenarioOrActive(ctx: CommandContext, id: string | undefined, command: string, alternative?: string): Promise<Scenario> {
  if (id) return findScenario(ctx.repoRoot, id)
  const { active } = await readSession(ctx)
  if (active) return findScenario(ctx.repoRoot, active.scenarioId)
  const planted = await readDrillBranch(ctx.repoRoot)
  if (planted) return findScenario(ctx.repoRoot, planted.scenario)
  throw new NoActiveDrillError(command, alternative)
}

/**
 * For commands that work on a service (`run`, `repro`): a scenario id, a service name, or the
 * active drill. The scenario decides the production environment; a bare service runs without one.
 */
export async function serviceTarget(ctx: CommandContext, name: string | undefined, command: string): Promise<{ service: string; scenario?: Scenario }> {
  if (!name) {
    const scenario = await scenarioOrActive(ctx, undefined, command, ', or name a scenario or a service')
    return { service: scenario.service, scenario }
  }
  const scenarios = await listScenarios(ctx.repoRoot)
  const scenario = scenarios.find((candidate) => candidate.id === name)
  if (scenario) return { service: scenario.service, scenario }
  // A service without a drill yet (one just made with `drill new service`) runs too.
  const services = [...new Set([...scenarios.map((candidate) => candidate.service), ...(await listServices(ctx.repoRoot))])].sort()
  if (services.includes(name)) {
    const { active } = await readSession(ctx)
    // The active drill's scenario, else the service's only one: its environment is what reproduces the bug.
    const forService = scenarios.filter((candidate) => candidate.service === name)
    const chosen = forService.find((candidate) => candidate.id === active?.scenarioId) ?? (forService.length === 1 ? forService[0] : undefined)
    return chosen ? { service: name, scenario: chosen } : { service: name }
  }
  throw new UsageError(`There is no scenario or service "${name}". Scenarios: ${scenarios.map((candidate) => candidate.id).join(', ')}. Services: ${services.join(', ')}.`)
}
