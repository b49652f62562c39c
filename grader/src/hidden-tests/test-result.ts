export type TestSet = 'regression' | 'invariant'

export interface TestResult {
  name: string
  set: TestSet
  status: 'pass' | 'fail' | 'error'
  /** Why it failed, in the trainee's words. */
  message?: string
  durationMs: number
}
