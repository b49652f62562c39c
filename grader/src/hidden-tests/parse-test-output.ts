import type { TestResult, TestSet } from './test-result.js'

interface ReporterLine {
  drill: 'test'
  name: string
  passed: boolean
  skipped: boolean
  durationMs: number
  failureType?: string
  message?: string
}

// The service behaved wrongly or too slowly; anything else (a crashing hook, a broken file) is an error.
const BEHAVIOUR_FAILURES = new Set(['testCodeFailure', 'testTimeoutFailure'])

const SET_PREFIX = /^\[(regression|invariant)\] /

/** Reads the reporter's JSON lines; anything else on stdout is ignored. */
export function parseTestOutput(stdout: string): TestResult[] {
  const results: TestResult[] = []
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{"drill":"test"')) continue
    const event = JSON.parse(line) as ReporterLine
    const marked = SET_PREFIX.exec(event.name)
    if (!marked) {
      // Not one of the scenario's tests: the file itself failed (it crashed, or ran out of time).
      if (!event.passed) results.push({ name: 'hidden tests as a whole', set: 'regression', status: 'error', message: event.message, durationMs: event.durationMs })
      continue
    }
    results.push({
      name: event.name.slice(marked[0].length),
      set: marked[1] as TestSet,
      status: event.passed ? 'pass' : BEHAVIOUR_FAILURES.has(event.failureType ?? '') ? 'fail' : 'error',
      message: event.message,
      durationMs: event.durationMs
    })
  }
  return results
}
