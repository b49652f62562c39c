import { spawn } from 'node:child_process'
import { chown, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { postgresBinaries } from './binaries.js'
import { copyPreservingOwners } from './copy-preserving-owners.js'
import { postgresRunAs } from './run-as.js'

export const SUPERUSER = 'postgres'
export const SUPERUSER_PASSWORD = 'postgres'

export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache')
  return join(base, 'debug-drills', 'postgres')
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

/**
 * An initdb'd cluster kept in the cache directory, so each start copies a folder
 * (tens of milliseconds) instead of running initdb (most of a second).
 */
export async function clusterTemplate(cacheDir = defaultCacheDir()): Promise<string> {
  const template = join(cacheDir, 'cluster-v1')
  if (await exists(join(template, 'PG_VERSION'))) return template

  const runAs = postgresRunAs()
  const { initdb } = await postgresBinaries(runAs)
  const work = await mkdtemp(join(tmpdir(), 'drill-initdb-'))
  const dataDir = join(work, 'data')
  try {
    await mkdir(dataDir)
    const passwordFile = join(work, 'password')
    await writeFile(passwordFile, `${SUPERUSER_PASSWORD}\n`)
    if (runAs) {
      await chown(work, runAs.uid, runAs.gid)
      await chown(dataDir, runAs.uid, runAs.gid)
      await chown(passwordFile, runAs.uid, runAs.gid)
    }
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync'
    ]
    await new Promise<void>((resolve, reject) => {
      const child = spawn(initdb, args, { ...runAs, stdio: ['ignore', 'ignore', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('error', reject)
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed with exit code ${code}: ${stderr.trim()}`))
      )
    })
    await rm(passwordFile)
    await mkdir(cacheDir, { recursive: true })
    // Copy next to the final place, then rename: two processes racing here both end with a whole template.
    const staging = await mkdtemp(join(cacheDir, 'staging-'))
    try {
      await copyPreservingOwners(dataDir, join(staging, 'data'))
      await rename(join(staging, 'data'), template).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error
      })
    } finally {
      await rm(staging, { recursive: true, force: true })
    }
    return template
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
