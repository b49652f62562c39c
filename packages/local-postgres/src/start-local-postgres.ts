import { spawn } from 'node:child_process'
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { postgresBinaries } from './binaries.js'
import { clusterTemplate, exists } from './cluster-template.js'
import { copyPreservingOwners } from './copy-preserving-owners.js'
import { freePort } from './free-port.js'
import { reclaimOrphan, removeOrphanedWorkDirs } from './reclaim-orphan.js'
import { postgresRunAs } from './run-as.js'
import { scratchDir } from './scratch-dir.js'
import { StartedLocalPostgres } from './started-local-postgres.js'

export interface StartLocalPostgresOptions {
  /** Where the initdb'd cluster is cached; defaults to ~/.cache/debug-drills/postgres. */
  cacheDir?: string
  /** A fixed port; by default a free one is picked. */
  port?: number
  /** How long to wait for the server to accept connections. */
  timeoutMs?: number
  /** Extra server settings, e.g. `{ log_statement: 'all' }` to log every SQL statement. */
  settings?: Record<string, string>
  /** Receives every line the server logs (by default only the last lines are kept, for errors). */
  onLog?: (line: string) => void
  /**
   * Keep the data in this folder, durably: created from the cached cluster on the first start,
   * reused by later starts and kept on stop. By default the data is throwaway.
   */
  dataDir?: string
}

const READY = 'database system is ready to accept connections'
const KEPT_LOG_LINES = 50

export class LocalPostgresError extends Error {
  constructor(
    message: string,
    readonly logs: string[]
  ) {
    super(message)
    this.name = 'LocalPostgresError'
  }
}

/**
 * Starts a real PostgreSQL on 127.0.0.1 from a copy of a cached cluster. Without `dataDir`,
 * durability is switched off (fsync, synchronous commit): the data is thrown away on stop.
 */
export async function startLocalPostgres(options: StartLocalPostgresOptions = {}): Promise<StartedLocalPostgres> {
  const runAs = postgresRunAs()
  const [{ postgres }, template] = await Promise.all([postgresBinaries(runAs), clusterTemplate(options.cacheDir)])
  const scratch = await scratchDir()
  await removeOrphanedWorkDirs(scratch)
  const workDir = await mkdtemp(join(scratch, `drill-pg-${process.pid}-`))
  try {
    if (runAs) await chown(workDir, runAs.uid, runAs.gid)
    const dataDir = options.dataDir ? resolve(options.dataDir) : join(workDir, 'data')
    if (options.dataDir) {
      const orphan = await reclaimOrphan(dataDir)
      if (orphan) options.onLog?.(`drill: stopped PostgreSQL ${orphan}, left running on ${dataDir} by an owner that was killed`)
    }
    if (!options.dataDir) await copyPreservingOwners(template, dataDir)
    else if (!(await exists(join(dataDir, 'PG_VERSION')))) {
      await mkdir(dirname(dataDir), { recursive: true })
      await copyPreservingOwners(template, dataDir)
    }
    const port = options.port ?? (await freePort())
    const throwaway = options.dataDir ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    const args = [
      '-D', dataDir,
      '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${workDir}`,
      ...throwaway,
      '-c', 'max_connections=200',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`])
    ]
    const child = spawn(postgres, args, { ...runAs, stdio: ['ignore', 'ignore', 'pipe'] })
    const logLines: string[] = []
    const started = new StartedLocalPostgres(port, child, workDir, logLines)
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new LocalPostgresError(`PostgreSQL did not accept connections within ${options.timeoutMs ?? 20_000} ms`, logLines))
      }, options.timeoutMs ?? 20_000)
      child.stderr?.setEncoding('utf8')
      child.stderr?.on('data', (chunk: string) => {
        for (const line of chunk.split('\n').filter(Boolean)) {
          options.onLog?.(line)
          logLines.push(line)
          if (logLines.length > KEPT_LOG_LINES) logLines.shift()
        }
        if (chunk.includes(READY)) {
          clearTimeout(timer)
          resolve()
        }
      })
      child.once('error', (error) => {
        clearTimeout(timer)
        reject(new LocalPostgresError(`could not start PostgreSQL: ${error.message}`, logLines))
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new LocalPostgresError(`PostgreSQL exited during start-up (${signal ?? `exit code ${code}`})`, logLines))
      })
    }).catch(async (error: unknown) => {
      await started.stop()
      throw error
    })
    return started
  } catch (error) {
    await rm(workDir, { recursive: true, force: true })
    throw error
  }
}
