import { UsageError } from '../../errors.js'
import { parseRuntimeChoice, selectRuntime } from '../../runtime/select-runtime.js'
import { findScenario, listScenarios } from '../../scenarios/load-scenarios.js'
import { validateScenario } from '../../validate/validate-scenario.js'
import type { CommandContext } from '../command-context.js'

export interface ValidateCommandOptions {
  all?: boolean
  repeat?: number
  runtime?: string
}

export async function validate(ids: string[], options: ValidateCommandOptions, { repoRoot, terminal, signal }: CommandContext): Promise<number> {
  if (!options.all && !ids.length) throw new UsageError('Name the scenarios to validate, or pass --all.')
  const repeat = Number(options.repeat ?? 1)
  if (!Number.isInteger(repeat) || repeat < 1) throw new UsageError(`--repeat must be a whole number of at least 1, not "${options.repeat}".`)
  const scenarios = options.all ? await listScenarios(repoRoot) : await Promise.all(ids.map((id) => findScenario(repoRoot, id)))
  const runtime = await selectRuntime(parseRuntimeChoice(options.runtime ?? 'auto'), (line) => terminal.line(terminal.colors.dim(line)))
  const c = terminal.colors
  terminal.line(c.bold(`drill validate · ${scenarios.length} scenario(s) × ${repeat} · ${runtime.name} runtime`))
  let broken = 0
  for (const scenario of scenarios) {
    const end = terminal.progress(`${scenario.id}`)
    const rounds = await validateScenario({
      repoRoot,
      scenario,
      runtime,
      repeat,
      signal,
      onRound: (round) => {
        if (terminal.interactive) return
        const mark = round.problems.length ? 'FAIL' : 'ok'
        terminal.line(`  ${scenario.id} round ${round.round}: ${mark} (shipped ${round.shipped.verdict} in ${round.shipped.durationMs} ms, seed ${round.shipped.seed}; fixed ${round.fixed.verdict} in ${round.fixed.durationMs} ms, seed ${round.fixed.seed})`)
      }
    })
    const problems = rounds.flatMap((round) => round.problems.map((problem) => `round ${round.round}: ${problem}`))
    end(problems.length ? 'fail' : 'ok')
    if (problems.length) {
      broken++
      terminal.line(`  ${c.red('✗')} ${scenario.id}`)
      for (const problem of problems) terminal.line(`      ${problem}`)
    } else {
      terminal.line(`  ${c.green('✓')} ${scenario.id}: fails on the shipped bug, passes with the reference fix (${repeat} round${repeat > 1 ? 's' : ''})`)
    }
  }
  terminal.line(broken ? c.red(`${broken} of ${scenarios.length} scenario(s) do not hold.`) : c.green(`All ${scenarios.length} scenario(s) hold.`))
  return broken ? 1 : 0
}
