// The grader's test helpers (grader/test/support), as the workshop's tests use them.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..')

export interface TempCheckout extends Disposable {
  root: string
  /** Runs git in the checkout. */
  git(...args: string[]): string
}

/**
 * A throwaway clone of this repository's committed state, sharing its node_modules: a
 * trainee's checkout that tests can break and fix without touching the real working tree.
 */
export function tempCheckout(): TempCheckout {
  const parent = mkdtempSync(join(tmpdir(), 'drill-checkout-'))
  const root = join(parent, 'repo')
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, root])
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir')
  return {
    root,
    git: (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }),
    [Symbol.dispose]: () => rmSync(parent, { recursive: true, force: true })
  }
}
