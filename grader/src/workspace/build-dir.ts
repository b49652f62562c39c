import { randomUUID } from 'node:crypto'
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { DrillError } from '../errors.js'
import { drillDir } from './drill-dir.js'
import { git } from './git.js'
import { patchSections, UnreadablePatchError } from './patch-files.js'
import { isGradedSource } from './working-copy-changes.js'

export interface BuildDir extends AsyncDisposable {
  path: string
  /** Files a repository patch changes that are not graded source (relative to the repository): left out. */
  ignored: string[]
}

export interface BuildDirOptions {
  repoRoot: string
  service: string
  pristineDir: string
  /** The shared packages the service builds and runs with: an `@debug-drills` scope folder. */
  packageScope: string
  /** Take the graded source from this working copy of the service. */
  sourceFrom?: string
  /** Apply this patch (paths relative to the service folder) on top. */
  patch?: string
  /** Apply the graded-source part of this patch (paths relative to the repository) on top; the rest is listed as ignored. */
  repositoryPatch?: string
}

/**
 * A throwaway copy of the pristine service inside the checkout (so packages resolve from
 * its node_modules), with the trainee's source laid over it or a patch applied.
 */
export async function createBuildDir(options: BuildDirOptions): Promise<BuildDir> {
  const path = drillDir(options.repoRoot, 'work', `${options.service}-${process.pid}-${randomUUID().slice(0, 8)}`)
  await mkdir(path, { recursive: true })
  const dispose = () => rm(path, { recursive: true, force: true })
  let ignored: string[] = []
  try {
    await linkPristine(options.pristineDir, path)
    await linkNodeModules(options, path)
    if (options.sourceFrom) await overlaySource(options.sourceFrom, path)
    if (options.patch) await applyPatch(options.repoRoot, path, options.patch)
    if (options.repositoryPatch) ignored = await applyRepositoryPatch(options.repoRoot, options.service, path, options.repositoryPatch)
  } catch (error) {
    await dispose()
    throw error
  }
  return { path, ignored, [Symbol.asyncDispose]: dispose }
}

/**
 * The build folder's own node_modules: the shared packages from `packageScope` (pristine, not
 * the checkout's), and whatever the service installs for itself. Everything else resolves
 * from the checkout's root node_modules, installed from the lockfile.
 */
async function linkNodeModules(options: BuildDirOptions, buildDir: string): Promise<void> {
  const nodeModules = join(buildDir, 'node_modules')
  await mkdir(nodeModules)
  await symlink(options.packageScope, join(nodeModules, '@debug-drills'), 'dir')
  const serviceNodeModules = join(options.repoRoot, 'services', options.service, 'node_modules')
  for (const entry of await readdir(serviceNodeModules).catch(() => [])) {
    if (entry !== '@debug-drills' && entry !== '.bin') await symlink(join(serviceNodeModules, entry), join(nodeModules, entry))
  }
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

async function applyPatch(repoRoot: string, buildDir: string, patch: string, strip = 1): Promise<void> {
  try {
    await git(repoRoot, ['apply', '--whitespace=nowarn', `-p${strip}`, `--directory=${relative(repoRoot, buildDir)}`, patch])
  } catch (error) {
    throw new DrillError(`The patch ${relative(repoRoot, patch)} does not apply to the pristine service: ${(error as Error).message}`)
  }
}

/**
 * Applies the files of a repository-relative patch that are the service's graded source to a
 * copy of the service in `dir` (inside the checkout); returns the others, untouched.
 */
export async function applyRepositoryPatch(repoRoot: string, service: string, dir: string, patch: string): Promise<string[]> {
  const prefix = `services/${service}/`
  const graded = (file: string) => file.startsWith(prefix) && isGradedSource(file.slice(prefix.length))
  let sections
  try {
    sections = await patchSections(await readFile(patch, 'utf8'))
  } catch (error) {
    if (error instanceof UnreadablePatchError) throw new DrillError(`${relative(repoRoot, patch)} is not a patch git can read: ${error.message}`)
    throw error
  }
  const applied = sections.filter((section) => section.paths.every(graded))
  if (applied.length) {
    const file = join(dir, '.graded.patch')
    await writeFile(file, applied.map((section) => section.text).join(''))
    // a/services/<name>/src/x.ts → src/x.ts
    await applyPatch(repoRoot, dir, file, prefix.split('/').length)
    await rm(file)
  }
  return [...new Set(sections.filter((section) => !applied.includes(section)).flatMap((section) => section.paths))].sort()
}
