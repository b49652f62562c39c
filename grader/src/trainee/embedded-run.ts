import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { guardAgainstOwnerDeath, startLocalPostgres } from '@debug-drills/local-postgres'
import { applyMigrations } from '@debug-drills/prisma-offline'
import { InfrastructureError } from '../errors.js'
import { CleanupStack } from '../lifecycle/cleanup-stack.js'
import { killProcessGroup } from '../lifecycle/processes.js'
import { drillDir } from '../workspace/drill-dir.js'
import type { ServiceRun, ServiceRunOptions } from './service-run.js'
import { seedDatabase, tsxCli } from './service-setup.js'


/**
 * The service from its working copy under `tsx watch` (it restarts on save), on a local
 * PostgreSQL that logs every statement, migrated and seeded.
 */
export async function startEmbeddedRun(options: ServiceRunOptions): Promise<ServiceRun> {
  const { serviceDir, service, step } = options
  const cleanup = new CleanupStack()
  try {
    const sqlLog = drillDir(options.repoRoot, 'run', `${service}-postgres.log`)
    await mkdir(dirname(sqlLog), { recursive: true })
    const logFile = createWriteStream(sqlLog)
    cleanup.defer(() => new Promise<void>((resolve) => logFile.end(resolve)))
    // Each start registers its stop inside the step: a Ctrl-C right after it must still stop it.
    const postgres = await step('Starting PostgreSQL', async () => {
      const started = await startLocalPostgres({
        ...(options.databasePort ? { port: options.databasePort } : {}),
        settings: { log_statement: 'all', log_min_messages: 'warning', log_line_prefix: '%m ' },
        onLog: (line) => {
          logFile.write(`${line}\n`)
          options.onSql?.(line)
        }
      }).catch((error: Error) => {
        throw new InfrastructureError(`PostgreSQL did not start: ${error.message}`)
      })
      cleanup.defer(() => started.stop())
      return started
    })
    const databaseUrl = await step('Applying migrations and seed data', async () => {
      const url = await postgres.createDatabase(service)
      await applyMigrations({ connectionString: url, migrationsDir: join(serviceDir, 'prisma', 'migrations') })
      if (options.seed) await seedDatabase(serviceDir, service, url)
      return url
    })

    const url = `http://127.0.0.1:${options.port}`
    const inspect = options.inspectPort ? `127.0.0.1:${options.inspectPort}` : undefined
    const args = [tsxCli(serviceDir), 'watch', '--clear-screen=false', ...(inspect ? [`--inspect=${inspect}`] : []), 'src/server.ts']
    const child = spawn(process.execPath, args, {
      cwd: serviceDir,
      env: { ...process.env, ...options.environment, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(options.port) },
      stdio: ['ignore', 'inherit', 'inherit'],
      // Its own process group: tsx watch runs the service as a child, and both must stop together.
      detached: true
    })
    const killGroup = (signal: NodeJS.Signals) => killProcessGroup(child, signal)
    const onExit = () => killGroup('SIGKILL')
    process.once('exit', onExit)
    const release = child.pid ? guardAgainstOwnerDeath({ pid: child.pid, signal: 'SIGTERM', group: true }) : () => undefined
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    cleanup.defer(async () => {
      process.off('exit', onExit)
      if (child.exitCode === null && child.signalCode === null) {
        killGroup('SIGTERM')
        const timer = setTimeout(() => killGroup('SIGKILL'), 3_000)
        await exited
        clearTimeout(timer)
      }
      killGroup('SIGKILL') // the service tsx started, should it have outlived its parent
      release()
    })
    return {
      url,
      databaseUrl,
      sqlLog,
      ...(inspect ? { inspect } : {}),
      pid: child.pid ?? process.pid,
      exited,
      stop: () => cleanup[Symbol.asyncDispose]()
    }
  } catch (error) {
    await cleanup[Symbol.asyncDispose]()
    throw error
  }
}
