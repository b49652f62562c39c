import { randomUUID } from 'node:crypto'
import { cp, readFile, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { CancelledError, DrillError, UsageError } from '../errors.js'
import type { GradedSource, GradeReport } from '../grading/grade-report.js'
import { DEFAULT_TIMEOUT_MS, grade, warmStart, type GradeOptions } from '../grading/grade.js'
import type { GradingRuntime } from '../runtime/runtime.js'
import type { Scenario } from '../scenarios/scenario.js'
import { runProcess } from '../runtime/run-process.js'
import { drillDir } from '../workspace/drill-dir.js'
import { patchesApplyToHead } from '../workspace/patch-files.js'
import { pristineBase } from '../workspace/pristine-base.js'
import { pristineService } from '../workspace/pristine-service.js'

export type CaseKind = 'shipped' | 'reference-fix' | 'alternative' | 'hack'

/** One graded version of the service in a round, and what did not hold for it. */
export interface ValidationCase {
  kind: CaseKind
  /** The alternative's or hack's file name without `.patch`; the kind for the others. */
  name: string
  /** Absent when the case could not be graded at all (a patch that no longer applies). */
  report?: GradeReport
  problems: string[]
  /** The check did not end, long after its time limit: something of the grader's still waits. */
  hung?: true
}

/**
 * A check that runs past its own time limit by this much is stuck in the grader (a Docker call
 * that never answers, say): validation names it and goes on rather than wait for ever.
 */
const HUNG_AFTER_MS = DEFAULT_TIMEOUT_MS + 120_000

class CheckHung extends Error {}

export interface ValidationRound {
  round: number
  cases: ValidationCase[]
  /** Empty when every case of the round holds. */
  problems: string[]
}

export const MIN_ALTERNATIVES = 3
export const MIN_HACKS = 6

function errorProblem(report: GradeReport, what: string): string[] {
  return report.verdict === 'error' ? [`${what}: the check ended in an error: ${report.problem?.message ?? 'unknown'} ${report.problem?.details.slice(-5).join(' | ') ?? ''}`.trim()] : []
}

/** What must hold on the shipped, broken service. */
export function shippedProblems(report: GradeReport): string[] {
  if (report.verdict === 'error') return errorProblem(report, 'on the shipped service')
  const problems: string[] = []
  const regression = report.tests.filter((test) => test.set === 'regression')
  const invariant = report.tests.filter((test) => test.set === 'invariant')
  if (!regression.length) problems.push('there are no regression tests')
  if (!invariant.length) problems.push('there are no invariant tests')
  for (const test of regression) if (test.status !== 'fail') problems.push(`regression test "${test.name}" did not fail on the shipped bug`)
  for (const test of invariant) if (test.status !== 'pass') problems.push(`invariant test "${test.name}" failed on the shipped service: ${test.message ?? ''}`)
  return problems
}

/** What must hold for a correct fix: the reference fix or an alternative. */
export function fixedProblems(report: GradeReport, what = 'the reference fix'): string[] {
  if (report.verdict === 'error') return errorProblem(report, `with ${what}`)
  return report.tests.filter((test) => test.status !== 'pass').map((test) => `test "${test.name}" failed with ${what}: ${test.message ?? ''}`)
}

/** What must hold for a wrong fix: a FAIL (not an error: a hack must compile and start), with every file outside the graded source named as ignored. */
export function hackProblems(report: GradeReport, name: string, touchesOutside: boolean): string[] {
  if (report.verdict === 'error') return errorProblem(report, `with hack ${name}`)
  const problems = report.verdict === 'pass' ? [`hack ${name} passed every hidden test`] : []
  if (touchesOutside && !report.changes.ignored.length) problems.push(`hack ${name} edits files outside the service's source, but the report names none as ignored`)
  return problems
}

/**
 * Every patch of the scenario applies, whole, to the checkout's HEAD with the bug planted:
 * a hack's edits outside the service must still be edits of today's files, or proving that
 * they are ignored proves nothing.
 */
export async function patchProblems(repoRoot: string, scenario: Scenario): Promise<string[]> {
  const bug = scenario.bugPatchPath ? [scenario.bugPatchPath] : []
  const failed = await Promise.all(
    [scenario.fixPatchPath, ...scenario.alternatives.map((variant) => variant.path), ...scenario.hacks.map((variant) => variant.path)].map((patch) =>
      patchesApplyToHead(repoRoot, [...bug, patch])
    )
  )
  const swapped = await Promise.all(
    [...bug, scenario.fixPatchPath, ...scenario.alternatives.map((variant) => variant.path), ...scenario.hacks.map((variant) => variant.path)].map(async (patch) =>
      /^diff --git b\//m.test(await readFile(patch, 'utf8'))
        ? `${relative(scenario.dir, patch)} names its old side b/ and its new side a/ (made with git diff -R): \`drill submit\` and the workshop read only a/ ... b/ patches; write it with git diff`
        : undefined
    )
  )
  return [...failed, ...swapped].filter((problem): problem is string => problem !== undefined)
}

/** What the scenario's folder lacks, whatever the rounds say. The tutorial is held to the same bar. */
export function catalogueProblems(scenario: Scenario): string[] {
  const problems: string[] = []
  if (scenario.alternatives.length < MIN_ALTERNATIVES) problems.push(`it has ${scenario.alternatives.length} alternatives/*.patch, at least ${MIN_ALTERNATIVES} are needed`)
  if (scenario.hacks.length < MIN_HACKS) problems.push(`it has ${scenario.hacks.length} hacks/*.patch, at least ${MIN_HACKS} are needed`)
  if (!scenario.hacks.some((hack) => hack.family === 'outside-src')) problems.push('it has no hack of the family outside-src')
  return problems
}

export interface ValidateOptions {
  repoRoot: string
  scenario: Scenario
  runtime: GradingRuntime
  repeat?: number
  /** How many versions of the service to grade at once (default 1). */
  jobs?: number
  signal?: AbortSignal
  /**
   * Grade only these versions, by name: `shipped`, `reference-fix`, an alternative's or hack's
   * name, or `alternatives` or `hacks` for all of them.
   */
  only?: readonly string[]
  /** The hidden tests' seed for every version, to replay one that did not hold; fresh each round if absent. */
  seed?: number
  /**
   * Grade each version on a warm start made for it first (see warmStart), as `drill watch`
   * checks: a version whose check did not run on it does not hold.
   */
  warm?: boolean
  /** How long after it began a check counts as stuck (default: its time limit and two minutes more). */
  hungAfterMs?: number
  onCase?: (round: number, graded: ValidationCase) => void
  onRound?: (round: ValidationRound) => void
}

/**
 * Proves a scenario, in rounds with a fresh seed each: on the shipped service the regression
 * tests fail and the invariant tests pass; with the reference fix and with every alternative
 * all pass; with every hack the verdict is FAIL. Everything is graded in temporary copies of
 * the pristine service, with the scenario and packages as they are in the checkout.
 */
export async function validateScenario(options: ValidateOptions): Promise<ValidationRound[]> {
  const { scenario } = options
  const jobs = Math.max(1, options.jobs ?? 1)
  const rounds: ValidationRound[] = []
  const planned = selectCases(plannedCases(scenario), scenario.id, options.only)
  const hungAfterMs = options.hungAfterMs ?? HUNG_AFTER_MS
  for (let round = 1; round <= (options.repeat ?? 1); round++) {
    const gradeCase = async ({ kind, name, source, judge }: PlannedCase): Promise<ValidationCase> => {
      let graded: ValidationCase
      const stop = new AbortController()
      const forward = () => stop.abort(options.signal?.reason)
      options.signal?.addEventListener('abort', forward, { once: true })
      let watchdog: NodeJS.Timeout | undefined
      try {
        const { signal } = stop
        const check = async () => {
          const warm = options.warm ? await warmStart({ repoRoot: options.repoRoot, scenario, runtime: options.runtime, signal, source: source.source, inputs: 'checkout' }) : undefined
          const report = await grade({
            repoRoot: options.repoRoot,
            scenario,
            runtime: options.runtime,
            inputs: 'checkout',
            ...source,
            ...(options.seed ? { seed: options.seed } : {}),
            signal,
            ...(warm ? { warm: Promise.resolve(warm) } : {})
          })
          return { warm, report }
        }
        const stuck = new Promise<never>((_resolve, reject) => {
          watchdog = setTimeout(() => reject(new CheckHung()), hungAfterMs)
        })
        const { warm, report } = await Promise.race([check(), stuck])
        const cold = warm && !report.warmStart ? [`${kind} ${name}: the check did not run on the warm start made for it`] : []
        graded = { kind, name, report, problems: [...judge(report), ...cold] }
      } catch (error) {
        if (error instanceof CheckHung) {
          stop.abort(error)
          const problem = `${kind} ${name}: the check had not ended ${hungAfterMs / 1000} s after it began (its time limit is ${DEFAULT_TIMEOUT_MS / 1000} s). This is a bug of the grader (or a Docker daemon that stopped answering), not of the scenario.`
          graded = { kind, name, problems: [problem], hung: true }
        } else {
          // A variant that no longer applies to the service is the scenario's problem, not the end of validation.
          if (!(error instanceof DrillError) || error instanceof CancelledError) throw error
          graded = { kind, name, problems: [`${kind} ${name}: ${error.message}`] }
        }
      } finally {
        clearTimeout(watchdog)
        options.signal?.removeEventListener('abort', forward)
      }
      options.onCase?.(round, graded)
      return graded
    }
    const cases = await inPool(planned, jobs, gradeCase)
    const result = { round, cases, problems: cases.flatMap((graded) => graded.problems) }
    options.onRound?.(result)
    rounds.push(result)
  }
  return rounds
}

interface PlannedCase {
  kind: CaseKind
  name: string
  source: Pick<GradeOptions, 'patch'> & { source: GradedSource }
  judge: (report: GradeReport) => string[]
}

/** What a round grades: the shipped bug, the reference fix, every alternative and every hack. */
function plannedCases(scenario: Scenario): PlannedCase[] {
  return [
    { kind: 'shipped', name: 'shipped', source: { source: 'pristine' }, judge: shippedProblems },
    { kind: 'reference-fix', name: 'reference fix', source: { source: 'reference-fix' }, judge: (report) => fixedProblems(report) },
    ...scenario.alternatives.map(
      (alternative): PlannedCase => ({
        kind: 'alternative',
        name: alternative.name,
        source: { source: 'patch', patch: alternative.path },
        judge: (report) => fixedProblems(report, `alternative ${alternative.name}`)
      })
    ),
    ...scenario.hacks.map(
      (hack): PlannedCase => ({
        kind: 'hack',
        name: hack.name,
        source: { source: 'patch', patch: hack.path },
        judge: (report) => hackProblems(report, hack.name, hack.family === 'outside-src')
      })
    )
  ]
}

/** Names of a whole group of versions, known to every scenario even when it has none. */
const GROUPS = ['alternatives', 'hacks']
/** The version names every scenario knows: the ones `--only` takes with `--all`. */
export const COMMON_VERSION_NAMES: readonly string[] = ['shipped', 'reference-fix', ...GROUPS]

/** Whether `name` names this version: its own name, `shipped`, `reference-fix`, or its group (`alternatives`, `hacks`). */
function isNamed(planned: PlannedCase, name: string): boolean {
  if (planned.kind === 'alternative' || planned.kind === 'hack') return planned.name === name || `${planned.kind}s` === name
  return planned.kind === name
}

/** Throws the usage error of a version name the scenario does not have, before anything is graded. */
export function checkVersionNames(scenario: Scenario, only: readonly string[]): void {
  selectCases(plannedCases(scenario), scenario.id, only)
}

/** The versions `only` names (all when it is absent); a name the scenario does not have is a usage error. */
function selectCases(cases: PlannedCase[], scenarioId: string, only?: readonly string[]): PlannedCase[] {
  if (!only?.length) return cases
  const unknown = only.filter((name) => !GROUPS.includes(name) && !cases.some((planned) => isNamed(planned, name)))
  if (unknown.length) {
    const names = [...COMMON_VERSION_NAMES, ...cases.filter((planned) => planned.kind === 'alternative' || planned.kind === 'hack').map((planned) => planned.name)]
    throw new UsageError(`${scenarioId} has no version named ${unknown.map((name) => `"${name}"`).join(', ')}. Its versions: ${names.join(', ')}.`)
  }
  return cases.filter((planned) => only.some((name) => isNamed(planned, name)))
}

/** Runs `work` on every item, at most `size` at a time; results in the items' order. */
async function inPool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
  return results
}

/**
 * A planted bug must have survived the service's own CI, as real bugs do: the service's test
 * suite passes with the bug in it. Runs the suite in a throwaway copy of the planted service.
 */
export async function serviceSuiteProblems(repoRoot: string, scenario: Scenario, signal?: AbortSignal): Promise<string[]> {
  if (!scenario.bugPatchPath) return []
  const planted = await pristineService(repoRoot, await pristineBase(repoRoot), scenario.service, scenario.bugPatchPath)
  const work = drillDir(repoRoot, 'work', `suite-${scenario.id}-${randomUUID().slice(0, 8)}`)
  await cp(planted, work, { recursive: true })
  try {
    const vitest = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs')
    const run = await runProcess(process.execPath, [vitest, 'run', '--reporter=dot'], {
      cwd: work,
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      timeoutMs: 300_000,
      signal: signal ?? new AbortController().signal
    })
    if (run.exitCode === 0) return []
    const tail = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => line.trim()).slice(-8)
    return [`the service's own test suite fails with the bug planted, so CI would have caught it:\n        ${tail.join('\n        ')}`]
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
