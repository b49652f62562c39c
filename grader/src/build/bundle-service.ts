import { createHash, randomUUID } from 'node:crypto'
import { access, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { build, type Message, type Plugin } from 'esbuild'
import { drillDir } from '../workspace/drill-dir.js'
import { ESM_REQUIRE_SHIM } from './esm-require-shim.js'

export type BundleResult = { ok: true; entry: string; dir: string } | { ok: false; errors: string[] }

export interface BundleOptions {
  buildDir: string
  /** Stack traces point here: the trainee's own service folder. */
  sourceRoot: string
  /**
   * `packages`: bundle only the service's own code and load packages from the checkout's
   * node_modules (the service runs inside the checkout). `self-contained`: everything in
   * one file that runs in a bare Node container; cached by the hash of what goes into it.
   */
  mode: 'packages' | 'self-contained'
  repoRoot: string
  service: string
  /** What the build may read (see readableRoots); found here when the caller has not already. */
  roots?: string[]
  /** Runs the bundler into `outDir` somewhere else (a confined build's container) instead of in this process. */
  buildInto?: (outDir: string) => Promise<BundleResult>
}

// Enough for a validation round's every version of one service (graded side by side) and a trainee's recent edits.
const KEPT_BUNDLES = 24

/** Bundles `src/server.ts` into one ES module. */
export async function bundleService(options: BundleOptions): Promise<BundleResult> {
  const runEsbuild = options.buildInto ?? ((outDir: string) => bundleInto(options, outDir))
  if (options.mode === 'packages') return runEsbuild(join(options.buildDir, 'dist'))
  const cacheRoot = drillDir(options.repoRoot, 'cache', 'bundles', options.service)
  const dir = join(cacheRoot, await inputsHash(options))
  if (await access(join(dir, 'server.mjs')).then(() => true, () => false)) return { ok: true, entry: 'server.mjs', dir }
  // Two grades of the same source at once (validate side by side) each build their own staging folder.
  const staging = `${dir}.staging-${process.pid}-${randomUUID().slice(0, 8)}`
  const result = await runEsbuild(staging)
  if (!result.ok) {
    await rm(staging, { recursive: true, force: true })
    return result
  }
  await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }))
  await pruneCache(cacheRoot)
  return { ok: true, entry: 'server.mjs', dir }
}

/** Runs esbuild in this process, writing `server.mjs` and its source map into `outDir`. */
export async function bundleInto(options: BundleOptions, outDir: string): Promise<BundleResult> {
  try {
    await build({
      absWorkingDir: options.buildDir,
      entryPoints: ['src/server.ts'],
      outfile: join(outDir, 'server.mjs'),
      bundle: true,
      packages: options.mode === 'packages' ? 'external' : 'bundle',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      sourcesContent: false,
      banner: { js: ESM_REQUIRE_SHIM },
      logLevel: 'silent',
      plugins: [confined(options.roots ?? (await readableRoots(options)))]
    })
    await pointSourcesAtCheckout(join(outDir, 'server.mjs.map'), outDir, options.buildDir, options.sourceRoot)
    return { ok: true, entry: 'server.mjs', dir: outDir }
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors
    if (!errors) throw error
    return { ok: false, errors: errors.map(formatMessage) }
  }
}

/**
 * Stack traces name the trainee's own files: every source the bundle took from the throwaway
 * build folder is mapped to the same path in the service folder of the checkout, absolute, so
 * it reads the same wherever the bundle runs (a container included).
 */
async function pointSourcesAtCheckout(mapFile: string, outDir: string, buildDir: string, serviceDir: string): Promise<void> {
  const map = JSON.parse(await readFile(mapFile, 'utf8')) as { sources: string[]; sourceRoot?: string }
  map.sources = map.sources.map((source) => {
    const absolute = resolve(outDir, source)
    const inBuild = relative(buildDir, absolute)
    return inBuild.startsWith('..') || isAbsolute(inBuild) ? absolute : join(serviceDir, inBuild)
  })
  delete map.sourceRoot
  await writeFile(mapFile, JSON.stringify(map))
}

/** Source, generated client, configuration and the lockfile: everything the bundle is made of. */
async function inputsHash({ buildDir, repoRoot }: BundleOptions): Promise<string> {
  const hash = createHash('sha256')
  const files = [...(await filesUnder(buildDir, join(buildDir, 'src'))), 'package.json', 'tsconfig.json'].sort()
  for (const file of files) hash.update(file).update(await readFile(join(buildDir, file)))
  hash.update(await readFile(join(repoRoot, 'package-lock.json')).catch(() => Buffer.alloc(0)))
  return hash.digest('hex').slice(0, 24)
}

/** Files under `dir`, following links (the build folder links the generated client). */
async function filesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name)
      const directory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path)).isDirectory())
      return directory ? filesUnder(root, path) : [relative(root, path)]
    })
  )
  return nested.flat()
}

async function pruneCache(cacheRoot: string): Promise<void> {
  await mkdir(cacheRoot, { recursive: true })
  const entries = await readdir(cacheRoot)
  // Another check may be pruning the same folder: an entry that is gone is simply not counted.
  const dated = await Promise.all(entries.map(async (name) => ({ name, at: await stat(join(cacheRoot, name)).then((info) => info.mtimeMs, () => Number.POSITIVE_INFINITY) })))
  const stale = dated.sort((a, b) => b.at - a.at).slice(KEPT_BUNDLES)
  await Promise.all(stale.map(({ name }) => rm(join(cacheRoot, name), { recursive: true, force: true })))
}

function formatMessage(message: Message): string {
  const where = message.location ? `${message.location.file}:${message.location.line}:${message.location.column + 1}: ` : ''
  return `${where}${message.text}`
}

/**
 * What a build may read: the build folder (the trainee's source and the pristine rest it links
 * to), and the installed packages. Nothing else on the machine: not the checkout's scenarios,
 * not the server's state, not /etc.
 */
export async function readableRoots(options: Pick<BundleOptions, 'buildDir' | 'repoRoot' | 'service'>): Promise<string[]> {
  const real = (path: string) => realpath(path).catch(() => undefined)
  // Each installed package, wherever its link points (a workspace package lives beside the services).
  const packages = async (nodeModules: string) => {
    const entries = await readdir(nodeModules).catch(() => [])
    const scoped = await Promise.all(entries.filter((entry) => entry.startsWith('@')).map(async (scope) => (await readdir(join(nodeModules, scope)).catch(() => [])).map((entry) => join(nodeModules, scope, entry))))
    // A scope's folder too: the build folder's `@debug-drills` is a link to the pristine packages' scope.
    return [nodeModules, ...entries.map((entry) => join(nodeModules, entry)), ...scoped.flat()]
  }
  const installed = await Promise.all(
    [join(options.buildDir, 'node_modules'), join(options.repoRoot, 'node_modules'), join(options.repoRoot, 'services', options.service, 'node_modules')].map(packages)
  )
  // A workspace link counts only when it is a shared package: the checkout's services, scenarios, grader and workshop are linked too.
  const shared = (path: string | undefined) => path && (path.split(sep).includes('node_modules') || basename(dirname(path)) === 'packages')
  const linked = (await Promise.all(installed.flat().map(real))).filter(shared)
  const roots = [...(await Promise.all([options.buildDir, join(options.repoRoot, 'packages')].map(real))), ...linked]
  const pristine = await real(join(options.buildDir, 'package.json')).then((file) => file && dirname(file))
  return [...roots, pristine].filter((root): root is string => Boolean(root))
}

/** Whether a real path is one of `roots` or inside one. */
export function insideRoots(roots: string[], path: string): boolean {
  return roots.some((root) => path === root || path.startsWith(`${root}${sep}`))
}

function refused(path: string) {
  return { errors: [{ text: `"${path}" is outside the service and its packages: a build reads only services/<name> and the installed packages.` }] }
}

/**
 * Whether an import that did not resolve points outside `roots`: a path there, or a package
 * whose link leads there. In a confined build's container nothing outside is mounted, so such an
 * import is refused as it is on the host, rather than reported as missing.
 */
export async function leadsOutside(roots: string[], specifier: string, fromDir: string): Promise<boolean> {
  if (specifier.startsWith('.') || isAbsolute(specifier)) return !insideRoots(roots, resolve(await realpath(fromDir).catch(() => fromDir), specifier))
  if (specifier.startsWith('node:')) return false
  const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const link = join(dir, 'node_modules', name)
    if (await lstat(link).then(() => true, () => false)) return !(await realpath(link).then((real) => insideRoots(roots, real), () => false))
    if (dir === dirname(dir)) return false
  }
}

/** Refuses every import that leaves `roots` (symlinks followed) and every import with attributes (`with { type: 'text' }`). */
function confined(roots: string[]): Plugin {
  const inside = (path: string) => insideRoots(roots, path)
  return {
    name: 'drill-confined-build',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, async (args) => {
        if ((args.pluginData as { confined?: boolean } | undefined)?.confined) return undefined
        // An installed package's own imports are pristine code: resolving them twice made a
        // self-contained bundle (thousands of them) seconds slower. The trainee's imports are checked.
        if (args.importer.includes(`${sep}node_modules${sep}`)) return undefined
        const attributes = Object.entries(args.with)
        if (attributes.length) {
          return { errors: [{ text: `"${args.path}" is imported with { ${attributes.map(([key, value]) => `${key}: '${value}'`).join(', ')} }: the service's source may import code and JSON modules, not read files this way.` }] }
        }
        const result = await plugin.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, namespace: args.namespace, pluginData: { confined: true } })
        // Unresolvable (an optional require in a try) or not a file: esbuild decides as it would alone.
        if (result.errors.length) return (await leadsOutside(roots, args.path, args.resolveDir)) ? refused(args.path) : undefined
        if (result.external || result.namespace !== 'file' || !result.path) return result
        const target = await realpath(result.path).catch(() => result.path)
        return inside(target) ? result : refused(args.path)
      })
    }
  }
}

