import { cp, mkdir, readdir, rm, stat, symlink } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { DrillError } from '../errors.js'
import { drillDir } from './drill-dir.js'
import { git } from './git.js'
import { isGradedSource } from './working-copy-changes.js'

export interface BuildDir extends AsyncDisposable {
  path: string
}

export interface BuildDirOptions {
  repoRoot: string
  service: string
  pristineDir: string
  /** Take the graded source from this working copy of the service. */
  sourceFrom?: string
  /** Apply this patch (paths relative to the service folder) on top. */
  patch?: string
}

/**
 * A throwaway copy of the pristine service inside the checkout (so packages resolve from
 * its node_modules), with the trainee's source laid over it or a patch applied.
 */
export async function createBuildDir(options: BuildDirOptions): Promise<BuildDir> {
  const path = drillDir(options.repoRoot, 'work', `${options.service}-${process.pid}-${Date.now().toString(36)}`)
  await mkdir(path, { recursive: true })
  const dispose = () => rm(path, { recursive: true, force: true })
  try {
    await linkPristine(options.pristineDir, path)
    const serviceNodeModules = join(options.repoRoot, 'services', options.service, 'node_modules')
    if (await exists(serviceNodeModules)) await symlink(serviceNodeModules, join(path, 'node_modules'), 'dir')
    if (options.sourceFrom) await overlaySource(options.sourceFrom, path)
    if (options.patch) await applyPatch(options.repoRoot, path, options.patch)
  } catch (error) {
    await dispose()
    throw error
  }
  return { path, [Symbol.asyncDispose]: dispose }
}

/**
 * Everything outside `src/` (and the generated client inside it) is only read: link it. Only
 * the source a trainee may change is copied, so a build folder costs a dozen files, not hundreds.
 */
async function linkPristine(pristineDir: string, buildDir: string): Promise<void> {
  for (const entry of await readdir(pristineDir)) {
    if (entry === 'src' || entry === '.complete') continue
    await symlink(join(pristineDir, entry), join(buildDir, entry))
  }
  await mkdir(join(buildDir, 'src'), { recursive: true })
  for (const entry of await readdir(join(pristineDir, 'src'))) {
    if (entry === 'generated') await symlink(join(pristineDir, 'src', entry), join(buildDir, 'src', entry), 'dir')
    else await cp(join(pristineDir, 'src', entry), join(buildDir, 'src', entry), { recursive: true })
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

async function sourceFiles(root: string, dir = join(root, 'src')): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const files = await Promise.all(
    entries.map(async (entry) => {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) return sourceFiles(root, full)
      return entry.isFile() && isGradedSource(relative(root, full)) ? [relative(root, full)] : []
    })
  )
  return files.flat()
}

/** Replaces the pristine graded source with the working copy's, deletions included. */
async function overlaySource(workingCopy: string, buildDir: string): Promise<void> {
  for (const file of await sourceFiles(buildDir)) await rm(join(buildDir, file))
  for (const file of await sourceFiles(workingCopy)) await cp(join(workingCopy, file), join(buildDir, file))
}

async function applyPatch(repoRoot: string, buildDir: string, patch: string): Promise<void> {
  try {
    await git(repoRoot, ['apply', '--whitespace=nowarn', `--directory=${relative(repoRoot, buildDir)}`, patch])
  } catch (error) {
    throw new DrillError(`The patch ${relative(repoRoot, patch)} does not apply to the pristine service: ${(error as Error).message}`)
  }
}
