import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..')

export interface TempCheckout extends Disposable {
  root: string
  /** Runs git in the checkout. */
  git(...args: string[]): string
}

export interface TempCheckoutOptions {
  /**
   * Give the checkout node_modules of its own whose `@debug-drills` packages are the
   * checkout's, built (as `npm ci && npm run build` would make them), instead of sharing this
   * repository's. Third-party packages are still shared.
   */
  ownWorkspacePackages?: boolean
}

const nativeTsc = join(repoRoot, 'node_modules', 'typescript-native', 'bin', 'tsc')

/**
 * A throwaway clone of this repository's committed state, sharing its node_modules: a
 * trainee's checkout that tests can break and fix without touching the real working tree.
 */
export function tempCheckout(options: TempCheckoutOptions = {}): TempCheckout {
  const parent = mkdtempSync(join(tmpdir(), 'drill-checkout-'))
  const root = join(parent, 'repo')
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, root])
  if (options.ownWorkspacePackages) linkOwnWorkspacePackages(root)
  else symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir')
  return {
    root,
    git: (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }),
    [Symbol.dispose]: () => rmSync(parent, { recursive: true, force: true })
  }
}

function linkOwnWorkspacePackages(root: string): void {
  const shared = join(repoRoot, 'node_modules')
  const own = join(root, 'node_modules')
  mkdirSync(join(own, '@debug-drills'), { recursive: true })
  for (const entry of readdirSync(shared)) if (entry !== '@debug-drills') symlinkSync(join(shared, entry), join(own, entry))
  const toBuild: string[] = []
  for (const folder of ['packages', 'services']) {
    for (const dir of readdirSync(join(root, folder))) {
      const manifest = JSON.parse(readFileSync(join(root, folder, dir, 'package.json'), 'utf8')) as { name: string; scripts?: Record<string, string> }
      symlinkSync(join(root, folder, dir), join(own, manifest.name))
      if (folder === 'packages' && manifest.scripts?.build) toBuild.push(join(root, folder, dir))
    }
  }
  // Alphabetical order builds each package after the ones it depends on.
  for (const dir of toBuild) execFileSync(process.execPath, [nativeTsc, '-p', 'tsconfig.build.json', '--singleThreaded'], { cwd: dir })
}
