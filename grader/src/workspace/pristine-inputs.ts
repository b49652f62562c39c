import { spawn } from 'node:child_process'
import { mkdir, readdir, readFile, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { nativeTsc } from '../build/typecheck-service.js'
import { DrillError } from '../errors.js'
import { loadScenario } from '../scenarios/load-scenarios.js'
import type { Scenario } from '../scenarios/scenario.js'
import { cachedFolder } from './cached-folder.js'
import { drillDir } from './drill-dir.js'
import { extractTree } from './git-archive.js'
import { git } from './git.js'

/** What a check reads besides the graded source: the shared packages (as an `@debug-drills` scope folder) and the scenario. */
export interface CheckInputs {
  /** A folder whose entries are the shared packages by name, as `node_modules/@debug-drills` holds them. */
  packageScope: string
  scenario: Scenario
}

interface PackageManifest {
  name?: string
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
}

const SCOPE = '@debug-drills/'

async function treeOf(repoRoot: string, base: string, path: string): Promise<string | undefined> {
  return git(repoRoot, ['rev-parse', '--verify', '--quiet', `${base}:${path}`]).then(
    (tree) => tree.trim(),
    () => undefined
  )
}

/**
 * The inputs of a check as committed at `base`, never as they are in the checkout: the
 * scenario (manifest, hidden tests, reference fix) and every shared package, built from its
 * committed source. Cached per git tree under `.drill/cache/base/`.
 */
export async function pristineInputs(repoRoot: string, base: string, scenario: Scenario, pristineServiceDir: string): Promise<CheckInputs> {
  const packagesTree = await treeOf(repoRoot, base, 'packages')
  const scenarioTree = await treeOf(repoRoot, base, `scenarios/${scenario.id}`)
  if (!packagesTree || !scenarioTree) {
    throw new DrillError(
      `The scenario "${scenario.id}" is not in the commit your branch started from (${base.slice(0, 12)}), and a check grades against that commit's hidden tests. Pull the latest main; if you are writing this scenario, prove it with \`drill validate ${scenario.id}\`, which uses your checkout.`
    )
  }
  const service = JSON.parse(await readFile(join(pristineServiceDir, 'package.json'), 'utf8')) as PackageManifest
  const root = await cachedFolder(drillDir(repoRoot, 'cache', 'base', `packages-${packagesTree.slice(0, 16)}-${scenario.service}`), async (staging) => {
    await mkdir(join(staging, 'packages'))
    await extractTree(repoRoot, base, 'packages', join(staging, 'packages'))
    await buildPackages(staging, Object.keys(service.dependencies ?? {}))
  })
  // Inside the packages' folder, so the tests' imports of the shared packages resolve to these.
  const scenarioDir = await cachedFolder(join(root, 'scenarios', `${scenario.id}-${scenarioTree.slice(0, 16)}`), (staging) =>
    extractTree(repoRoot, base, `scenarios/${scenario.id}`, staging)
  )
  return { packageScope: join(root, 'node_modules', '@debug-drills'), scenario: await loadScenario(scenarioDir) }
}

/** The checkout's own scenario and packages: for `drill validate`, which proves what an author is writing. */
export function checkoutInputs(repoRoot: string, scenario: Scenario): CheckInputs {
  return { packageScope: join(repoRoot, 'node_modules', '@debug-drills'), scenario }
}

/**
 * Links every package into `<root>/node_modules/@debug-drills` and builds the ones the service
 * runs with (`needed` and what they depend on), dependencies first.
 */
async function buildPackages(root: string, needed: string[]): Promise<void> {
  const scope = join(root, 'node_modules', '@debug-drills')
  await mkdir(scope, { recursive: true })
  const manifests = new Map<string, { dir: string; manifest: PackageManifest }>()
  for (const dir of await readdir(join(root, 'packages'))) {
    const manifest = JSON.parse(await readFile(join(root, 'packages', dir, 'package.json'), 'utf8').catch(() => '{}')) as PackageManifest
    if (!manifest.name?.startsWith(SCOPE)) continue
    manifests.set(manifest.name, { dir, manifest })
    await symlink(join('..', '..', 'packages', dir), join(scope, manifest.name.slice(SCOPE.length)), 'dir')
  }
  const built = new Set<string>()
  const build = async (name: string, path: string[] = []): Promise<void> => {
    const entry = manifests.get(name)
    if (!entry || built.has(name) || path.includes(name)) return
    for (const dependency of Object.keys(entry.manifest.dependencies ?? {})) await build(dependency, [...path, name])
    built.add(name)
    if (entry.manifest.scripts?.build) await compile(join(root, 'packages', entry.dir), name)
  }
  for (const name of needed) await build(name)
}

function compile(dir: string, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nativeTsc, '-p', 'tsconfig.build.json', '--singleThreaded', '--pretty', 'false'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new DrillError(`The committed source of ${name} does not build; this is a bug in drill's repository, not in your fix:\n${output.trim()}`))
    )
  })
}
