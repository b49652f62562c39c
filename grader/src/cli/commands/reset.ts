import { UsageError } from '../../errors.js'
import { updateState } from '../../progress/state-file.js'
import { findScenario, listScenarios } from '../../scenarios/load-scenarios.js'
import type { Scenario } from '../../scenarios/scenario.js'
import type { CommandContext } from '../command-context.js'
import { confirm } from '../prompt.js'
import { NoActiveDrillError, readSession } from '../session.js'
import { readDrillBranch } from '../../workspace/planted-drill.js'
import { discardEdits } from './discard-edits.js'
import { leaveCurrentDrill } from './exit.js'

export interface ResetOptions {
  all?: boolean
  yes?: boolean
}

/**
 * Back to the start: a planted drill's branch is left (the work on it saved as a patch, the
 * trainee's earlier branch and edits back), and its recorded progress is forgotten. `--all`
 * does this for every scenario.
 */
export async function reset(id: string | undefined, options: ResetOptions, ctx: CommandContext): Promise<number> {
  if (id && options.all) throw new UsageError('Name one scenario or pass --all, not both.')
  const { path, state, active } = await readSession(ctx)
  let scenarios: Scenario[]
  if (options.all) scenarios = await listScenarios(ctx.repoRoot)
  else if (id) scenarios = [await findScenario(ctx.repoRoot, id)]
  else if (active) scenarios = [await findScenario(ctx.repoRoot, active.scenarioId)]
  else throw new NoActiveDrillError('reset', ', or name the scenario to reset, or pass --all')

  const c = ctx.terminal.colors
  const recorded = scenarios.flatMap((scenario) => state.scenarios[scenario.id]?.attempts.map((attempt) => ({ id: scenario.id, attempt })) ?? [])
  if (recorded.length && !options.yes) {
    const solves = recorded.filter(({ attempt }) => attempt.outcome === 'solved').length
    const what = `${recorded.length} recorded attempt${recorded.length === 1 ? '' : 's'} (${solves} solved) of ${scenarios.map((scenario) => scenario.id).join(', ')}`
    const answer = await confirm(`Forget ${what}? \`drill export\` first keeps a copy.`, ctx.signal)
    if (answer === undefined) throw new UsageError(`Resetting forgets ${what}, and there is no terminal to ask. Run it again with --yes (\`drill export progress.json\` first keeps a copy).`)
    if (!answer) {
      ctx.terminal.line('Nothing was changed.')
      return 1
    }
  }
  // The drill branch of a planted drill is left, which gives back what the trainee had before it;
  // a service that still carries its bug in main goes back to its shipped state.
  const planted = await readDrillBranch(ctx.repoRoot)
  if (planted && scenarios.some((scenario) => scenario.id === planted.scenario)) await leaveCurrentDrill(ctx)
  const legacyServices = [...new Set(scenarios.filter((scenario) => !scenario.bugPatchPath).map((scenario) => scenario.service))].sort()
  for (const service of legacyServices) {
    const discarded = await discardEdits(service, options.yes, ctx)
    if (!discarded) {
      ctx.terminal.line(`Stopped: services/${service} and its progress were left as they were.`)
      return 1
    }
  }
  await updateState(path, (current) => {
    for (const scenario of scenarios) {
      delete current.scenarios[scenario.id]
      if (current.active === scenario.id) delete current.active
    }
  })
  const names = scenarios.map((scenario) => scenario.id).join(', ')
  ctx.terminal.line(`${c.green('Reset')} ${names}: back to its start${recorded.length ? ', and its progress is forgotten' : ''}.`)
  return 0
}
