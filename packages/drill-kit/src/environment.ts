/** What the grader passes to a hidden test run. */
export function required(name: 'DRILL_SERVICE_URL' | 'DRILL_DATABASE_URL' | 'DRILL_SEED' | 'DRILL_SERVICE_TOKEN'): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: hidden tests run under the drill grader, which sets it.`)
  return value
}
