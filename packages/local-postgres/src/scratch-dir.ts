import { statfs } from 'node:fs/promises'
import { tmpdir } from 'node:os'

const SHARED_MEMORY = '/dev/shm'
const MIN_FREE_BYTES = 512 * 1024 * 1024

/**
 * Where throwaway clusters live: RAM (`/dev/shm`) when it has room, so a check never waits on
 * the disk for data it deletes seconds later; the temp directory otherwise (macOS, small
 * container shm). `DRILL_PG_TMPDIR` chooses explicitly.
 */
export async function scratchDir(): Promise<string> {
  if (process.env.DRILL_PG_TMPDIR) return process.env.DRILL_PG_TMPDIR
  try {
    const stats = await statfs(SHARED_MEMORY)
    if (stats.bavail * stats.bsize >= MIN_FREE_BYTES) return SHARED_MEMORY
  } catch {
    // no /dev/shm here
  }
  return tmpdir()
}
