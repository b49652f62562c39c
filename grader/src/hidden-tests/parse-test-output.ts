import { TEST_FILES } from './bundle-tests.js'
import type { TestResult, TestSet } from './test-result.js'

interface ReporterLine {
  drill: 'test'
  name: string
  file?: string
  passed: boolean
  skipped: boolean
  durationMs: number
  failureType?: string
  message?: string
}

// The service behaved wrongly or too slowly; anything else (a crashing hook, a broken file) is an error.
const BEHAVIOUR_FAILURES = new Set(['testCodeFailure', 'testTimeoutFailure'])

function setOf(file: string | undefined): TestSet | undefined {
  if (file?.endsWith(TEST_FILES.regression)) return 'regression'
  if (file?.endsWith(TEST_FILES.invariant)) return 'invariant'
  return undefined
}

/** Reads the reporter's JSON lines; anything else on stdout is ignored. */
export function parseTestOutput(stdout: string): TestResult[] {
  const results: TestResult[] = []
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{"drill":"test"')) continue
    const event = JSON.parse(line) as ReporterLine
    const set = setOf(event.file)
    if (!set) continue
    // A failure named after the file is the file itself failing (it crashed or ran out of time).
    const wholeFile = event.file !== undefined && event.name === event.file
    results.push({
      name: wholeFile ? `${set} tests as a whole` : event.name,
      set,
      status: event.passed ? 'pass' : wholeFile || !BEHAVIOUR_FAILURES.has(event.failureType ?? '') ? 'error' : 'fail',
      message: event.message,
      durationMs: event.durationMs
    })
  }
  return results
}
