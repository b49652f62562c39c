import { randomUUID } from 'node:crypto'
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const COMPLETE = '.complete'

/**
 * A cache folder that is either complete or absent: `fill` writes into a staging folder, which
 * is renamed into place only when it succeeded, so a crash or a concurrent check never leaves
 * a half-written folder behind.
 */
export async function cachedFolder(dir: string, fill: (staging: string) => Promise<void>): Promise<string> {
  if (await access(join(dir, COMPLETE)).then(() => true, () => false)) return dir
  const staging = `${dir}.staging-${process.pid}-${randomUUID().slice(0, 8)}`
  await mkdir(staging, { recursive: true })
  try {
    await fill(staging)
    await writeFile(join(staging, COMPLETE), '')
    await rm(dir, { recursive: true, force: true })
    await rename(staging, dir)
  } catch (error) {
    // Another check may have published the same folder first: theirs is as good as ours.
    if (!(await access(join(dir, COMPLETE)).then(() => true, () => false))) throw error
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  return dir
}
