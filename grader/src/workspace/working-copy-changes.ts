import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import { git } from './git.js'

export interface WorkingCopyChanges {
  /** Changed source files of the service: these are graded. Relative to the service folder. */
  source: string[]
  /**
   * Changed files a check could have used but takes from the pristine base instead (the
   * service's tests, migrations and configuration, the scenario, the shared packages, the
   * lockfile): ignored. Relative to the repository.
   */
  ignored: string[]
  /**
   * Paths under the graded source that are not regular files (symbolic links, sockets): a build
   * copies regular files only, so these are left out of it. Relative to the repository.
   */
  links?: string[]
}

/** Source is what a fix may change: `src/**`, less generated code and the service's own tests. */
export function isGradedSource(path: string): boolean {
  return path.startsWith('src/') && !path.startsWith('src/generated/') && !/\.(test|spec)\.[cm]?[jt]sx?$/.test(path)
}

/** Every file under `paths` that differs from `base`: changed, added, deleted or new and untracked (ignored files aside). Relative to the repository. */
async function changedFiles(repoRoot: string, base: string, paths: string[]): Promise<string[]> {
  const [diff, untracked] = await Promise.all([
    git(repoRoot, ['diff', '--name-only', '--no-renames', base, '--', ...paths]),
    git(repoRoot, ['ls-files', '--others', '--exclude-standard', '--', ...paths])
  ])
  return [...new Set(`${diff}\n${untracked}`.split('\n').filter(Boolean))].sort()
}

/** Every file of the service that differs from `base`, relative to the service folder. */
export async function changedServiceFiles(repoRoot: string, base: string, service: string): Promise<string[]> {
  const prefix = `services/${service}/`
  return (await changedFiles(repoRoot, base, [prefix])).map((path) => path.slice(prefix.length))
}

/** What a check of `scenario` could read from the checkout: the service, the scenario, the shared packages and the workspace's manifests. */
export function checkInputs(service: string, scenario: string): string[] {
  return [`services/${service}/`, `scenarios/${scenario}/`, 'packages/', 'package.json', 'package-lock.json']
}

/**
 * The working copy's edits, sorted into what is graded (the service's source) and what a
 * check ignores because it takes those files from the pristine base.
 */
export async function workingCopyChanges(repoRoot: string, base: string, service: string, scenario: string): Promise<WorkingCopyChanges> {
  const prefix = `services/${service}/`
  const paths = await changedFiles(repoRoot, base, checkInputs(service, scenario))
  const graded = (path: string) => path.startsWith(prefix) && isGradedSource(path.slice(prefix.length))
  // A deleted file is a change too; only what exists and is not a regular file is left out.
  const kinds = await Promise.all(paths.filter(graded).map(async (path) => ({ path, regular: await lstat(join(repoRoot, path)).then((stats) => stats.isFile(), () => true) })))
  const links = kinds.filter((kind) => !kind.regular).map((kind) => kind.path)
  return {
    source: kinds.filter((kind) => kind.regular).map((kind) => kind.path.slice(prefix.length)),
    ignored: paths.filter((path) => !graded(path)),
    ...(links.length ? { links } : {})
  }
}
