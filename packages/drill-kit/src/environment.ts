/** What the grader passes to a hidden test run. */
export function required(name: 'DRILL_SERVICE_URL' | 'DRILL_DATABASE_URL' | 'DRILL_SEED' | 'DRILL_SERVICE_TOKEN'): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: hidden tests run under the drill grader, which sets it.`)
  return value
}

export interface Dependency {
  url: string
  databaseUrl: string
}

/** A service of the manifest's `dependsOn`, as the grader passes it in DRILL_DEPENDENCIES. */
export function dependencyOf(name: string): Dependency {
  const all = JSON.parse(process.env.DRILL_DEPENDENCIES ?? '{}') as Record<string, Dependency>
  const found = all[name]
  if (!found) throw new Error(`The service ${name} is not started beside this drill's service: name it in the manifest's dependsOn.`)
  return found
}
