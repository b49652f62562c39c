import type { TestResult } from '../hidden-tests/test-result.js'
import type { RuntimeName } from '../runtime/runtime.js'
import type { WorkingCopyChanges } from '../workspace/working-copy-changes.js'

export type Verdict = 'pass' | 'fail' | 'error'

export type ProblemKind = 'compile' | 'service' | 'infrastructure' | 'tests' | 'timeout'

export interface Problem {
  kind: ProblemKind
  message: string
  /** Compiler messages or the service's last log lines. */
  details: string[]
}

export type GradedSource = 'working-copy' | 'pristine' | 'reference-fix' | 'submission' | 'patch'

export interface GradeReport {
  scenario: string
  service: string
  runtime: RuntimeName
  source: GradedSource
  verdict: Verdict
  seed: number
  /** The production-like environment the service ran under, from the pristine scenario. */
  environment: Record<string, string>
  tests: TestResult[]
  problem?: Problem
  /** How the check differed from what was asked (a confined build that ran on the host), one sentence each. */
  notes?: string[]
  changes: WorkingCopyChanges
  timings: { step: string; ms: number }[]
  durationMs: number
  /** Set when the check ran on a warm start (see warmStart), as under `drill watch`. */
  warmStart?: true
}

export const EXIT_CODES: Record<Verdict, number> = { pass: 0, fail: 1, error: 2 }
