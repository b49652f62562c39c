import { describe, expect, it } from 'vitest'
import { parseTestOutput } from '../src/hidden-tests/parse-test-output.js'

const line = (fields: Record<string, unknown>) => JSON.stringify({ drill: 'test', skipped: false, durationMs: 3, ...fields })

describe('parseTestOutput', () => {
  it('takes each result’s set from its name and keeps the failure message', () => {
    const stdout = [
      'some noise from a test',
      line({ name: '[regression] a', passed: false, failureType: 'testCodeFailure', message: 'GET / returned 500, expected 200.' }),
      line({ name: '[invariant] b', passed: true })
    ].join('\n')
    expect(parseTestOutput(stdout)).toEqual([
      { name: 'a', set: 'regression', status: 'fail', message: 'GET / returned 500, expected 200.', durationMs: 3 },
      { name: 'b', set: 'invariant', status: 'pass', message: undefined, durationMs: 3 }
    ])
  })

  it('counts a test that ran out of time as a failing behaviour', () => {
    const [result] = parseTestOutput(line({ name: '[invariant] slow', passed: false, failureType: 'testTimeoutFailure', message: 'test timed out after 15000ms' }))
    expect(result?.status).toBe('fail')
  })

  it('reports a failure outside the scenario’s tests as an error of the tests as a whole', () => {
    const [result] = parseTestOutput(line({ name: '/drill/hidden.test.mjs', passed: false, failureType: 'testCodeFailure', message: 'boom' }))
    expect(result).toMatchObject({ name: 'hidden tests as a whole', status: 'error', message: 'boom' })
  })

  it('treats a failing hook as an error, not as the trainee failing', () => {
    const [result] = parseTestOutput(line({ name: '[regression] h', passed: false, failureType: 'hookFailure', message: 'pool' }))
    expect(result?.status).toBe('error')
  })
})
