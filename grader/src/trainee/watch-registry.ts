import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { processAlive } from '../lifecycle/processes.js'
import { drillDir } from '../workspace/drill-dir.js'
import { stillDrill } from './run-registry.js'

/**
 * What a `drill watch` holds between checks, for `drill status` and `drill stop` in the trainee's
 * other terminals: `warming` while the next check's pieces start, `warm` once they wait, `idle`
 * after the idle timeout stopped them, `none` while a check runs (the check took them over).
 */
export type WarmState = 'none' | 'warming' | 'warm' | 'idle'

export interface RunningWatch {
  scenario: string
  service: string
  pid: number
  runtime: string
  /** Minutes without a save before the warm pieces stop; 0 keeps them. */
  idleMinutes: number
  warm: WarmState
  startedAt: string
  updatedAt: string
}

function watchDir(repoRoot: string): string {
  return drillDir(repoRoot, 'watch')
}

function entryPath(repoRoot: string, pid: number): string {
  return drillDir(repoRoot, 'watch', `${pid}.json`)
}

/** Records this watch; the returned function updates its warm state, and `remove` forgets it. */
export async function registerWatch(repoRoot: string, watch: Omit<RunningWatch, 'updatedAt' | 'warm'>): Promise<{ update(warm: WarmState): Promise<void>; remove(): Promise<void> }> {
  await mkdir(watchDir(repoRoot), { recursive: true })
  const path = entryPath(repoRoot, watch.pid)
  // Writes are chained so that a later state never lands before an earlier one.
  let written = Promise.resolve()
  let removed = false
  const write = (warm: WarmState) => {
    if (removed) return written
    const entry: RunningWatch = { ...watch, warm, updatedAt: new Date().toISOString() }
    // Written whole and renamed into place, so a reader never sees half an entry.
    written = written
      .then(async () => {
        await writeFile(`${path}.tmp`, `${JSON.stringify(entry, null, 2)}\n`)
        await rename(`${path}.tmp`, path)
      })
      .catch(() => undefined)
    return written
  }
  await write('none')
  return {
    update: write,
    remove: async () => {
      removed = true
      await written
      await rm(path, { force: true })
    }
  }
}

/** Every `drill watch` of this checkout whose process is still alive; entries of dead ones are removed. */
export async function listWatches(repoRoot: string): Promise<RunningWatch[]> {
  const names = await readdir(watchDir(repoRoot)).catch(() => [] as string[])
  const found = await Promise.all(
    names
      .filter((name) => /^\d+\.json$/.test(name))
      .map(async (name): Promise<RunningWatch | undefined> => {
        const path = drillDir(repoRoot, 'watch', name)
        const pid = Number(name.slice(0, -'.json'.length))
        if (!processAlive(pid) || !(await stillDrill(pid))) {
          await rm(path, { force: true })
          return undefined
        }
        return readFile(path, 'utf8')
          .then((text) => JSON.parse(text) as RunningWatch)
          .catch(() => undefined)
      })
  )
  return found.filter((watch): watch is RunningWatch => watch !== undefined).sort((a, b) => a.pid - b.pid)
}
