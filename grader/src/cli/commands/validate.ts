import { UsageError } from '../../errors.js'
import { parseRuntimeChoice, selectRuntime } from '../../runtime/select-runtime.js'
import { curriculumProblems, rootCauseLines } from '../../scenarios/curriculum.js'
import { findScenario, listScenarios } from '../../scenarios/load-scenarios.js'
import { loadTracks } from '../../scenarios/tracks.js'
import { catalogueProblems, checkVersionNames, COMMON_VERSION_NAMES, patchProblems, serviceSuiteProblems, validateScenario } from '../../validate/validate-scenario.js'
import type { CommandContext } from '../command-context.js'
import { shorten } from '../text.js'
import { parseSeed } from './check.js'

export interface ValidateCommandOptions {
  all?: boolean
  /** Skip running the service's own tests with the bug planted. */
  skipServiceSuite?: boolean
  repeat?: number
  jobs?: number
  runtime?: string
  /** Versions to grade, by name; cac gives one value or, repeated, several. */
  only?: string | string[]
  seed?: string | number
  warm?: boolean
}

export async function validate(ids: string[], options: ValidateCommandOptions, { repoRoot, terminal, signal }: CommandContext): Promise<number> {
  if (!options.all && !ids.length) throw new UsageError('Name the scenarios to validate, or pass --all.')
  const repeat = Number(options.repeat ?? 1)
  if (!Number.isInteger(repeat) || repeat < 1) throw new UsageError(`--repeat must be a whole number of at least 1, not "${options.repeat}".`)
  const jobs = Number(options.jobs ?? 1)
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 8) throw new UsageError(`--jobs must be a whole number from 1 to 8, not "${options.jobs}".`)
  const only = [options.only ?? []].flat().map(String)
  const seed = parseSeed(options.seed)
  if (only.length && options.all && !only.every((name) => COMMON_VERSION_NAMES.includes(name))) {
    throw new UsageError(`With --all, --only takes what every scenario has: ${COMMON_VERSION_NAMES.join(', ')}. To grade a version by its name, name its scenario instead of --all.`)
  }
  if (only.length && !options.all && ids.length !== 1) throw new UsageError('--only names versions of one scenario: name exactly that scenario, or pass --all.')
  const scenarios = options.all ? await listScenarios(repoRoot) : await Promise.all(ids.map((id) => findScenario(repoRoot, id)))
  if (only.length && !options.all) checkVersionNames(scenarios[0]!, only)
  const runtime = await selectRuntime(parseRuntimeChoice(options.runtime ?? 'auto'), (line) => terminal.line(terminal.colors.dim(line)))
  const c = terminal.colors
  terminal.line(c.bold(`drill validate · ${scenarios.length} scenario(s) × ${repeat} · ${runtime.name} runtime${options.warm ? ' · warm starts' : ''}`))
  let broken = 0
  let hung = false
  // Repeated at the end, one line each: a long run's log is read from its tail.
  const failedCases: string[] = []
  for (const scenario of scenarios) {
    const end = terminal.progress(`${scenario.id}: shipped, reference fix, ${scenario.alternatives.length} alternatives, ${scenario.hacks.length} hacks`)
    const rounds = await validateScenario({
      repoRoot,
      scenario,
      runtime,
      repeat,
      jobs,
      signal,
      only,
      warm: Boolean(options.warm),
      ...(seed ? { seed } : {}),
      onCase: (round, graded) => {
        hung ||= Boolean(graded.hung)
        const what = graded.kind === graded.name ? graded.kind : `${graded.kind} ${graded.name}`
        if (graded.problems.length) {
          const replay = graded.report ? ` (replay: drill validate ${scenario.id} --only ${graded.kind === 'alternative' || graded.kind === 'hack' ? graded.name : graded.kind} --seed ${graded.report.seed} --runtime ${runtime.name})` : ''
          failedCases.push(`${scenario.id}: round ${round} ${what}${replay}: ${shorten(graded.problems.join(' '), 400)}`)
        }
        if (terminal.interactive) return
        const mark = graded.problems.length ? c.red('✗') : c.green('✓')
        const outcome = graded.report ? `${graded.report.verdict} in ${graded.report.durationMs} ms, seed ${graded.report.seed}` : 'not graded'
        terminal.line(`  ${mark} round ${round} ${what}: ${outcome}`)
      }
    })
    const suite = options.skipServiceSuite || only.length ? [] : await serviceSuiteProblems(repoRoot, scenario, signal)
    const problems = [...catalogueProblems(scenario), ...(await patchProblems(repoRoot, scenario)), ...suite, ...rounds.flatMap((round) => round.problems.map((problem) => `round ${round.round}: ${problem}`))]
    end(problems.length ? 'fail' : 'ok')
    if (problems.length) {
      broken++
      terminal.line(`  ${c.red('✗')} ${scenario.id}`)
      for (const problem of problems) terminal.line(`      ${problem}`)
    } else if (only.length) {
      terminal.line(`  ${c.green('✓')} ${scenario.id}: ${only.join(', ')} held (${repeat} round${repeat > 1 ? 's' : ''})`)
    } else {
      const rounds = `${repeat} round${repeat > 1 ? 's' : ''}${options.warm ? ', every check on a warm start' : ''}`
      terminal.line(
        `  ${c.green('✓')} ${scenario.id}: fails on the shipped bug; the reference fix and ${scenario.alternatives.length} alternatives pass; ${scenario.hacks.length} hacks fail (${rounds})`
      )
    }
  }
  if (failedCases.length) {
    terminal.line(c.red('What did not hold:'))
    for (const failed of failedCases) terminal.line(`  ${c.red('✗')} ${failed}`)
  }
  terminal.line(broken ? c.red(`${broken} of ${scenarios.length} scenario(s) do not hold.`) : c.green(`All ${scenarios.length} scenario(s) hold.`))
  if (options.all) {
    // Each drill holds on its own; whether they add up to the curriculum is grader/test/curriculum.test.ts's to enforce.
    const causes = new Map(await Promise.all(scenarios.map(async (scenario) => [scenario.id, await rootCauseLines(scenario)] as const)))
    const shortfalls = curriculumProblems(scenarios, await loadTracks(repoRoot, scenarios), causes)
    if (shortfalls.length) {
      terminal.line(c.yellow(`The catalogue falls short of the curriculum (scenarios/README.md, "The curriculum"):`))
      for (const shortfall of shortfalls) terminal.line(`  · ${shortfall}`)
    } else terminal.line(c.green('The catalogue meets the curriculum.'))
  }
  if (hung) {
    // What the stuck check waits on may never let the process end by itself.
    terminal.line(c.red('A check did not end (see above): validate exits, and its exit handlers remove what still runs.'))
    setTimeout(() => process.exit(1), 5_000).unref()
  }
  return broken ? 1 : 0
}
