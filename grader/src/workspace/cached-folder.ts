import { randomUUID } from 'node:crypto'
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const COMPLETE = '.complete'

const isComplete = (dir: string) => access(join(dir, COMPLETE)).then(() => true, () => false)

/**
 * A cache folder that is either complete or absent: `fill` writes into a staging folder, which
 * is renamed into place only when it succeeded, so a crash never leaves a half-written folder
 * behind. Two checks filling the same folder at once (validate grades side by side) both
 * succeed: whoever publishes second keeps the first one's folder, which others may be reading.
 */
export async function cachedFolder(dir: string, fill: (staging: string) => Promise<void>): Promise<string> {
  if (await isComplete(dir)) return dir
  const staging = `${dir}.staging-${process.pid}-${randomUUID().slice(0, 8)}`
  await mkdir(staging, { recursive: true })
  try {
    await fill(staging)
    await writeFile(join(staging, COMPLETE), '')
    await rename(staging, dir).catch(async () => {
      if (await isComplete(dir)) return
      // A folder left incomplete by a crash: replace it.
      await rm(dir, { recursive: true, force: true })
      await rename(staging, dir)
    })
  } catch (error) {
    if (!(await isComplete(dir))) throw error
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  return dir
}
