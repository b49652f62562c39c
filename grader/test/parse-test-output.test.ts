import { describe, expect, it } from 'vitest'
import { parseTestOutput } from '../src/hidden-tests/parse-test-output.js'

const line = (fields: Record<string, unknown>) => JSON.stringify({ drill: 'test', skipped: false, durationMs: 3, ...fields })

describe('parseTestOutput', () => {
  it('assigns each result to its set by file and keeps the failure message', () => {
    const stdout = [
      'some noise from a test',
      line({ name: 'a', file: '/x/regression.test.mjs', passed: false, failureType: 'testCodeFailure', message: 'GET / returned 500, expected 200.' }),
      line({ name: 'b', file: '/x/invariant.test.mjs', passed: true })
    ].join('\n')
    expect(parseTestOutput(stdout)).toEqual([
      { name: 'a', set: 'regression', status: 'fail', message: 'GET / returned 500, expected 200.', durationMs: 3 },
      { name: 'b', set: 'invariant', status: 'pass', message: undefined, durationMs: 3 }
    ])
  })

  it('counts a test that ran out of time as a failing behaviour', () => {
    const [result] = parseTestOutput(line({ name: 'slow', file: '/x/invariant.test.mjs', passed: false, failureType: 'testTimeoutFailure', message: 'test timed out after 15000ms' }))
    expect(result?.status).toBe('fail')
  })

  it('reports a crashed test file as an error of the file as a whole', () => {
    const [result] = parseTestOutput(line({ name: '/x/regression.test.mjs', file: '/x/regression.test.mjs', passed: false, failureType: 'testCodeFailure', message: 'boom' }))
    expect(result).toMatchObject({ name: 'regression tests as a whole', status: 'error' })
  })

  it('treats a failing hook as an error, not as the trainee failing', () => {
    const [result] = parseTestOutput(line({ name: 'h', file: '/x/regression.test.mjs', passed: false, failureType: 'hookFailure', message: 'pool' }))
    expect(result?.status).toBe('error')
  })
})
