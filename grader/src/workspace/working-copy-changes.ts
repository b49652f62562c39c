import { git } from './git.js'

export interface WorkingCopyChanges {
  /** Changed source files: these are graded. Paths relative to the service folder. */
  source: string[]
  /** Changed files outside the source (tests, migrations, schema, config): ignored by the grader. */
  outsideSource: string[]
}

/** Source is what a fix may change: `src/**`, less generated code and the service's own tests. */
export function isGradedSource(path: string): boolean {
  return path.startsWith('src/') && !path.startsWith('src/generated/') && !/\.(test|spec)\.[cm]?[jt]sx?$/.test(path)
}

/** Every file of the service that differs from `base`: changed, added, deleted or new and untracked (ignored files aside). Relative to the service folder. */
export async function changedServiceFiles(repoRoot: string, base: string, service: string): Promise<string[]> {
  const prefix = `services/${service}/`
  const [diff, untracked] = await Promise.all([
    git(repoRoot, ['diff', '--name-only', '--no-renames', base, '--', prefix]),
    git(repoRoot, ['ls-files', '--others', '--exclude-standard', '--', prefix])
  ])
  return [...new Set(`${diff}\n${untracked}`.split('\n').filter(Boolean))].map((path) => path.slice(prefix.length)).sort()
}

export async function workingCopyChanges(repoRoot: string, base: string, service: string): Promise<WorkingCopyChanges> {
  const paths = await changedServiceFiles(repoRoot, base, service)
  return { source: paths.filter(isGradedSource), outsideSource: paths.filter((path) => !isGradedSource(path)) }
}
