/**
 * An opaque tag that whoever runs drill (a test run, a CI job) may set in `DRILL_OWNER`. Every
 * process drill starts inherits it and every container carries it as a label, so that
 * supervisor can find exactly what it started, beside a trainee's own `drill run` or another
 * checkout's checks on the same machine.
 */
export const OWNER_TAG_VARIABLE = 'DRILL_OWNER'

export function ownerTag(): string | undefined {
  return process.env[OWNER_TAG_VARIABLE] || undefined
}

/** The tag as environment for a child process that otherwise gets a minimal environment. */
export function ownerTagEnvironment(): Record<string, string> {
  const tag = ownerTag()
  return tag ? { [OWNER_TAG_VARIABLE]: tag } : {}
}
