import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError } from '../../errors.js'
import { EXIT_CODES, type GradeReport } from '../../grading/grade-report.js'
import { grade, type GradeStep, type WarmStart } from '../../grading/grade.js'
import { recordCheck, type CheckRecorded } from '../../progress/progress.js'
import { StateFileError, statePath, updateState } from '../../progress/state-file.js'
import { formatReport } from '../../report/format-report.js'
import { toResultsJson } from '../../report/results-json.js'
import type { GradingRuntime } from '../../runtime/runtime.js'
import { parseRuntimeChoice, selectRuntime } from '../../runtime/select-runtime.js'
import type { Scenario } from '../../scenarios/scenario.js'
import type { CommandContext } from '../command-context.js'
import { readSession, scenarioOrActive } from '../session.js'
import { formatDuration, renderMarkdown } from '../text.js'

export interface CheckOptions {
  runtime?: string
  /** Grade the drill as it ships (the base commit with its bug), not the working copy. */
  shipped?: boolean
  json?: string
  seed?: number
  timeout?: number
}

const STEP_TEXT: Record<GradeStep, string> = {
  prepare: 'Reading your working copy',
  build: 'Compiling the service',
  database: 'Starting PostgreSQL and applying migrations',
  service: 'Starting the service',
  tests: 'Running the hidden tests'
}

export function parseSeed(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const seed = Number(value)
  if (!Number.isInteger(seed) || seed < 1 || seed >= 2 ** 31) throw new UsageError(`--seed must be a whole number from 1 to ${2 ** 31 - 1}, not "${value}".`)
  return seed
}

export function parseTimeout(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds < 5) throw new UsageError(`--timeout is in seconds and must be at least 5, not "${value}".`)
  return seconds * 1000
}

export async function check(scenarioId: string | undefined, options: CheckOptions, ctx: CommandContext): Promise<number> {
  const scenario = await scenarioOrActive(ctx, scenarioId, 'check', ', or name the scenario to check: `drill check <scenario>`')
  const checkOptions = { seed: parseSeed(options.seed), timeoutMs: parseTimeout(options.timeout), json: options.json, shipped: Boolean(options.shipped) }
  const runtime = await selectRuntime(parseRuntimeChoice(options.runtime ?? 'auto'), (line) => ctx.terminal.line(ctx.terminal.colors.dim(line)))
  const report = await checkOnce(scenario, runtime, checkOptions, ctx)
  return EXIT_CODES[report.verdict]
}

export interface CheckOnceOptions {
  shipped?: boolean
  seed?: number | undefined
  timeoutMs?: number | undefined
  json?: string | undefined
  /** A start prepared ahead of this check (drill watch); the check stops it. */
  warm?: Promise<WarmStart> | undefined
}

/** One graded check, printed, recorded against the active drill, and debriefed when it solves it. */
export async function checkOnce(scenario: Scenario, runtime: GradingRuntime, options: CheckOnceOptions, ctx: CommandContext): Promise<GradeReport> {
  const { repoRoot, terminal, signal } = ctx
  const c = terminal.colors
  terminal.line(`${c.bold(`drill check ${scenario.id}`)} ${c.dim(`· ${scenario.service} service · ${runtime.name} runtime${options.shipped ? ' · as shipped, not your working copy' : ''}`)}`)
  const timed = !options.shipped && (await isActiveDrill(scenario, ctx))
  const startedAt = new Date()
  let endStep: ((outcome?: 'ok' | 'fail') => void) | undefined
  const report = await grade({
    repoRoot,
    scenario,
    runtime,
    signal,
    ...(options.shipped ? { source: 'pristine' as const } : {}),
    ...(options.seed ? { seed: options.seed } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.warm ? { warm: options.warm } : {}),
    onStep: (step) => {
      endStep?.()
      endStep = terminal.progress(step === 'prepare' && options.shipped ? 'Preparing the drill as it ships' : STEP_TEXT[step])
    }
  }).finally(() => endStep?.())
  terminal.line()
  for (const line of formatReport(report, c)) terminal.line(line)
  if (options.json) {
    const path = resolve(options.json)
    await writeFile(path, `${JSON.stringify(toResultsJson(report), null, 2)}\n`)
    terminal.line(c.dim(`  Results written to ${path}`))
  }
  // An infrastructure failure says nothing about the trainee's fix: it is not counted as a check.
  const recorded =
    !timed || report.problem?.kind === 'infrastructure'
      ? undefined
      : await updateState(statePath(repoRoot), (state) =>
          recordCheck(state, scenario, { verdict: report.verdict, seed: report.seed, runtime: report.runtime, startedAt })
        )
  terminal.line()
  if (options.shipped) terminal.line(c.dim(`  This graded ${scenario.id} as it ships. To fix it yourself: ${c.cyan(`drill start ${scenario.id}`)}`))
  else if (report.verdict === 'pass') await debrief(scenario, recorded, ctx)
  else if (recorded) {
    terminal.line(
      `  ${c.dim(`${formatDuration(recorded.elapsedMs)} of ${scenario.timeLimitMinutes} min · ${recorded.hintsUsed} of ${scenario.hints.length} hints used.`)} Stuck? ${c.cyan('drill hint')}`
    )
  }
  return report
}

/** Whether this check counts for the active drill. A progress file that cannot be read does not stop a check. */
async function isActiveDrill(scenario: Scenario, ctx: CommandContext): Promise<boolean> {
  try {
    return (await readSession(ctx)).active?.scenarioId === scenario.id
  } catch (error) {
    if (!(error instanceof StateFileError)) throw error
    ctx.terminal.error(`${ctx.terminal.colors.yellow('drill: this check is not recorded.')} ${error.message}`)
    return false
  }
}

async function debrief(scenario: Scenario, recorded: CheckRecorded | undefined, { terminal }: CommandContext): Promise<void> {
  const c = terminal.colors
  const solve = recorded?.solve
  if (recorded && solve) {
    const hints = recorded.hintsUsed === 1 ? '1 hint' : `${recorded.hintsUsed} hints`
    terminal.line(`  ${c.green(c.bold('Solved'))} in ${c.bold(formatDuration(recorded.elapsedMs))} ${c.dim(`(suggested: ${scenario.timeLimitMinutes} min)`)} with ${hints}.`)
    const floor = solve.base - solve.overtime - solve.hints < solve.floor ? c.dim(` (the least a solve scores is ${solve.floor})`) : ''
    terminal.line(`  Score ${c.bold(String(solve.points))} = ${solve.base} for difficulty ${scenario.difficulty} − ${solve.overtime} for overtime − ${solve.hints} for hints${floor}`)
  } else {
    terminal.line(c.dim(`  Not timed or recorded: no clock was running for this drill. \`drill start ${scenario.id}\` starts one.`))
  }
  terminal.line()
  for (const line of renderMarkdown(await readFile(scenario.explanationPath, 'utf8'), c)) terminal.line(`  ${line}`)
  terminal.line()
  terminal.line(`  Next: ${c.cyan('drill next')} suggests another drill; ${c.cyan('drill status')} shows your progress.`)
}
