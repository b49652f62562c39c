import type { GradeReport } from '../grading/grade-report.js'
import { grade } from '../grading/grade.js'
import type { GradingRuntime } from '../runtime/runtime.js'
import type { Scenario } from '../scenarios/scenario.js'

export interface ValidationRound {
  round: number
  shipped: GradeReport
  fixed: GradeReport
  /** Empty when the round holds: every regression test fails on the shipped bug, everything passes once fixed. */
  problems: string[]
}

/** What must hold on the shipped, broken service. */
export function shippedProblems(report: GradeReport): string[] {
  if (report.verdict === 'error') return [`on the shipped service the check ended in an error: ${report.problem?.message ?? 'unknown'}`]
  const problems: string[] = []
  const regression = report.tests.filter((test) => test.set === 'regression')
  const invariant = report.tests.filter((test) => test.set === 'invariant')
  if (!regression.length) problems.push('there are no regression tests')
  if (!invariant.length) problems.push('there are no invariant tests')
  for (const test of regression) if (test.status !== 'fail') problems.push(`regression test "${test.name}" did not fail on the shipped bug`)
  for (const test of invariant) if (test.status !== 'pass') problems.push(`invariant test "${test.name}" failed on the shipped service: ${test.message ?? ''}`)
  return problems
}

/** What must hold with the reference fix applied. */
export function fixedProblems(report: GradeReport): string[] {
  if (report.verdict === 'error') return [`with the reference fix the check ended in an error: ${report.problem?.message ?? 'unknown'}`]
  return report.tests.filter((test) => test.status !== 'pass').map((test) => `test "${test.name}" failed with the reference fix: ${test.message ?? ''}`)
}

export interface ValidateOptions {
  repoRoot: string
  scenario: Scenario
  runtime: GradingRuntime
  repeat?: number
  signal?: AbortSignal
  onRound?: (round: ValidationRound) => void
}

/**
 * Proves a scenario: on the pristine broken service the regression tests fail and the
 * invariant tests pass; with the reference fix (applied in a temporary copy) all pass.
 * `repeat` runs it again with fresh random data, to catch flaky tests.
 */
export async function validateScenario(options: ValidateOptions): Promise<ValidationRound[]> {
  const rounds: ValidationRound[] = []
  for (let round = 1; round <= (options.repeat ?? 1); round++) {
    const common = { repoRoot: options.repoRoot, scenario: options.scenario, runtime: options.runtime, ...(options.signal ? { signal: options.signal } : {}) }
    const shipped = await grade({ ...common, source: 'pristine' })
    const fixed = await grade({ ...common, source: 'reference-fix' })
    const result = { round, shipped, fixed, problems: [...shippedProblems(shipped), ...fixedProblems(fixed)] }
    options.onRound?.(result)
    rounds.push(result)
  }
  return rounds
}
