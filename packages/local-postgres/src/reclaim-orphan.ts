import { readdir, readFile, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'

const GRACE_MS = 10_000

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether `pid` is a PostgreSQL server; true where the system cannot tell (no /proc). */
async function isPostgres(pid: number): Promise<boolean> {
  try {
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8')
    return /(^|\/)postgres\0/.test(command)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' || process.platform !== 'linux'
  }
}

/**
 * A PostgreSQL left running on `dataDir` by an owner that was killed (`kill -9`, a crash) holds
 * the data folder's lock and its port, so no new server could start there. If the lock file names
 * a live PostgreSQL on this very folder, it is shut down (fast, then killed after a grace period).
 * Returns its pid, or undefined when there was none. A lock whose process is gone is left to
 * PostgreSQL, which clears a stale lock by itself.
 */
export async function reclaimOrphan(dataDir: string): Promise<number | undefined> {
  const lock = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined)
  if (!lock) return undefined
  const [pidLine, dirLine] = lock.split('\n')
  const pid = Number(pidLine)
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) return undefined
  if (resolve(dirLine ?? '') !== resolve(dataDir) || !alive(pid) || !(await isPostgres(pid))) return undefined
  process.kill(pid, 'SIGINT')
  const deadline = Date.now() + GRACE_MS
  while (alive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100))
  if (alive(pid)) process.kill(pid, 'SIGKILL')
  while (alive(pid)) await new Promise((done) => setTimeout(done, 50))
  return pid
}

/**
 * Throwaway servers' folders (`drill-pg-<owner pid>-*`) whose owner is gone: its guardian died
 * with it (`kill -9` of the whole process group), so nobody stopped the server or removed the
 * folder. A server still running there is shut down first.
 */
export async function removeOrphanedWorkDirs(scratch: string): Promise<void> {
  const names = await readdir(scratch).catch(() => [] as string[])
  const orphaned = names.filter((name) => {
    const owner = Number(/^drill-pg-(\d+)-/.exec(name)?.[1])
    return owner > 0 && owner !== process.pid && !alive(owner)
  })
  await Promise.all(
    orphaned.map(async (name) => {
      await reclaimOrphan(join(scratch, name, 'data')).catch(() => undefined)
      await rm(join(scratch, name), { recursive: true, force: true }).catch(() => undefined)
    })
  )
}
