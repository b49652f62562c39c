import { readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { drillDir } from '../workspace/drill-dir.js'
import { processAlive } from './processes.js'

/** Temporary folders a grading makes: `drill-<kind>-<pid>-<random>`, so an owner that died can be told apart. */
export function temporaryPrefix(kind: 'submission' | 'tests'): string {
  return join(tmpdir(), `drill-${kind}-${process.pid}-`)
}

const TEMPORARY = /^drill-(?:submission|tests)-(\d+)-/
/** Build folders in the checkout: `<service>-<pid>-<8 hex>` (see createBuildDir). */
const BUILD = /-(\d+)-[0-9a-f]{8}$/

/**
 * Removes the folders that gradings of processes no longer running left behind (`kill -9`, a
 * machine that lost power): build folders in this checkout and temporary folders of this user.
 * A folder whose process still runs, or that another user owns, is left alone.
 */
export async function removeLeftoverFolders(repoRoot: string): Promise<number> {
  const sweep = async (dir: string, pattern: RegExp) => {
    const names = await readdir(dir).catch(() => [] as string[])
    const orphaned = names.filter((name) => {
      const pid = Number(pattern.exec(name)?.[1])
      return pid > 0 && pid !== process.pid && !processAlive(pid)
    })
    const removed = await Promise.all(orphaned.map((name) => rm(join(dir, name), { recursive: true, force: true }).then(() => 1, () => 0)))
    return removed.reduce<number>((sum, one) => sum + one, 0)
  }
  const counts = await Promise.all([sweep(drillDir(repoRoot, 'work'), BUILD), sweep(tmpdir(), TEMPORARY)])
  return counts[0] + counts[1]
}

/**
 * Sweeps leftovers now and then every `intervalMs` until disposed: a long-lived grader (a workshop
 * worker) does not wait for its next grading to clear what a dead one left.
 */
export function sweepPeriodically(sweep: () => Promise<unknown>, intervalMs: number, onError: (error: Error) => void): Disposable {
  let running: Promise<unknown> | undefined
  const tick = () => {
    running ??= sweep()
      .catch((error: unknown) => onError(error as Error))
      .finally(() => (running = undefined))
  }
  tick()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return { [Symbol.dispose]: () => clearInterval(timer) }
}
