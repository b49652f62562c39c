import { execFile } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { drillDir } from './drill-dir.js'
import { git } from './git.js'
import { pristineBase } from './pristine-base.js'
import { changedServiceFiles } from './working-copy-changes.js'

const run = promisify(execFile)

export interface ServiceEdits {
  base: string
  /** Changed, added and deleted files of the service, relative to the repository. */
  paths: string[]
}

/** Everything that differs in `services/<service>` from its pristine version (or from `against`), ignored files aside. */
export async function serviceEdits(repoRoot: string, service: string, against?: string): Promise<ServiceEdits> {
  const base = against ?? (await pristineBase(repoRoot))
  const paths = await changedServiceFiles(repoRoot, base, service)
  return { base, paths: paths.map((path) => `services/${service}/${path}`) }
}

/**
 * The service's edits as one patch against `base`, new files included, from a scratch index
 * that leaves the trainee's staging area alone. `relative` makes its paths relative to the
 * service folder (`a/src/app.ts`), the form a workshop server applies to its own copy.
 */
export async function serviceDiff(repoRoot: string, service: string, base: string, options: { relative?: boolean } = {}): Promise<string> {
  const dir = drillDir(repoRoot, 'backups')
  await mkdir(dir, { recursive: true })
  const index = join(dir, `.index-${process.pid}-${Date.now().toString(36)}`)
  const env = { ...process.env, GIT_INDEX_FILE: index }
  const path = `services/${service}`
  try {
    await run('git', ['read-tree', base], { cwd: repoRoot, env })
    await run('git', ['add', '--all', '--', path], { cwd: repoRoot, env })
    const relativeTo = options.relative ? [`--relative=${path}/`] : []
    const { stdout } = await run('git', ['diff', '--cached', '--binary', ...relativeTo, base, '--', path], { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } finally {
    await rm(index, { force: true })
  }
}

/**
 * The service's edits as one patch, written under `.drill/backups/`, so that discarding them
 * loses nothing: `git apply <patch>` brings them back.
 */
export async function backUpEdits(repoRoot: string, service: string, base: string): Promise<string> {
  const patch = await serviceDiff(repoRoot, service, base)
  const path = join(drillDir(repoRoot, 'backups'), `${service}-${new Date().toISOString().replace(/[:.]/g, '-')}.patch`)
  await writeFile(path, patch)
  return relative(repoRoot, path)
}

/** Puts `services/<service>` back to its pristine files; ignored files (node_modules, .env, generated code) stay. */
export async function restoreService(repoRoot: string, service: string, base: string): Promise<void> {
  const path = `services/${service}`
  await git(repoRoot, ['restore', `--source=${base}`, '--staged', '--worktree', '--', path])
  await git(repoRoot, ['clean', '-fdq', '--', path])
}
