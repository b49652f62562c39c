import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { GenericContainer, getContainerRuntimeClient, type ContainerRuntimeClient, type StartedTestContainer } from 'testcontainers'
import { InfrastructureError } from '../errors.js'
import { testCommand, WAIT_FILE } from '../hidden-tests/bundle-tests.js'
import { dockerHostAnswers } from './docker-host-answers.js'
import { resolveImages, type ResolvedImages } from './docker-images.js'
import { ownerLabels, removeLeftovers } from './docker-labels.js'
import { LimitedContainer } from './limited-container.js'
import { LogTail } from './log-tail.js'
import { StartedWaitStrategy } from './started-wait-strategy.js'
import {
  once,
  testEnvironment,
  ServiceStartError,
  type GradingRuntime,
  type ServiceLaunch,
  type StartedDatabase,
  type StartedEnvironment,
  type StartedService,
  type TestLaunch,
  type TestRun
} from './runtime.js'

const DB = { user: 'drill', password: 'drill', database: 'app', alias: 'db' }
const SERVICE_PORT = 3000
/** The service container's limits: a small production pod. */
const SERVICE_LIMITS = { memoryGiB: 0.5, cpus: 1, pids: 256 }
const TESTS_DIR = '/drill'

export const NO_DAEMON_MESSAGE =
  'No Docker daemon answers. Start Docker Desktop (macOS, Windows) or the docker service (Linux: `sudo systemctl start docker`), ' +
  'check that `docker info` works, and run again. Or grade without Docker: --runtime embedded.'

/**
 * PostgreSQL and the service in containers on an internal network: the service reaches its
 * database and nothing else. The hidden tests run in a third container on that network.
 */
export class DockerRuntime implements GradingRuntime {
  readonly name = 'docker'
  readonly runsInsideCheckout = false

  private constructor(
    private readonly client: ContainerRuntimeClient,
    readonly images: ResolvedImages
  ) {}

  static async connect(): Promise<DockerRuntime> {
    // Ryuk, Testcontainers' reaper, is an image that cannot always be pulled; we clean up ourselves.
    process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true'
    const dockerHost = process.env.DOCKER_HOST
    if (dockerHost && !(await dockerHostAnswers(dockerHost))) {
      throw new InfrastructureError(`No Docker daemon answers at DOCKER_HOST=${dockerHost}. ${NO_DAEMON_MESSAGE.replace('No Docker daemon answers. ', '')}`)
    }
    let client: ContainerRuntimeClient
    try {
      client = await getContainerRuntimeClient()
    } catch {
      throw new InfrastructureError(NO_DAEMON_MESSAGE)
    }
    await removeLeftovers(client).catch(() => 0)
    return new DockerRuntime(client, await resolveImages(client))
  }

  /**
   * Creates the network, then starts PostgreSQL and the tests' container side by side; the
   * service container can start as soon as the network exists, while the others come up.
   */
  async startEnvironment(tests: TestLaunch): Promise<StartedEnvironment> {
    const run = randomBytes(4).toString('hex')
    const network = `drill-${run}`
    const dockerode = this.client.container.dockerode
    const reaper = new ExitReaper()
    let created
    try {
      created = await dockerode.createNetwork({ Name: network, Internal: true, Labels: ownerLabels(), CheckDuplicate: true })
    } catch (error) {
      throw new InfrastructureError(`Docker could not create a network: ${(error as Error).message}`)
    }
    reaper.network(network)
    const containers: StartedTestContainer[] = []
    const track = (started: StartedTestContainer) => {
      containers.push(started)
      reaper.container(started.getId())
      return started
    }
    const starts: Promise<unknown>[] = []
    const starting = <T>(start: Promise<T>) => {
      starts.push(start.catch(() => undefined))
      return start
    }

    const postgres = starting(
      new GenericContainer(this.images.postgres)
        .withNetworkMode(network)
        .withNetworkAliases(DB.alias)
        .withExposedPorts(5432)
        .withTmpFs({ '/var/lib/postgresql/data': 'rw' })
        .withEnvironment({ POSTGRES_USER: DB.user, POSTGRES_PASSWORD: DB.password, POSTGRES_DB: DB.database })
        .withCommand(['postgres', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'])
        .withLabels(ownerLabels())
        .withWaitStrategy(new StartedWaitStrategy())
        .start()
        .then(track)
    )
    const runner = starting(
      new GenericContainer(this.images.node)
        .withName(`drill-tests-${run}`)
        .withNetworkMode(network)
        .withCopyDirectoriesToContainer([{ source: tests.bundleDir, target: TESTS_DIR }])
        .withCommand(['sleep', 'infinity'])
        .withLabels(ownerLabels())
        .start()
        .then(track)
    )
    const database = postgres.then(
      (container): StartedDatabase => {
        const hostUrl = `postgresql://${DB.user}:${DB.password}@${container.getHost()}:${container.getMappedPort(5432)}/${DB.database}`
        const ready = waitForConnection(hostUrl, 30_000)
        ready.catch(() => undefined) // observed by the caller
        return { hostUrl, ready }
      },
      (error: Error) => {
        throw new InfrastructureError(`PostgreSQL did not start in Docker (${this.images.postgres}): ${error.message}`)
      }
    )
    database.catch(() => undefined)

    const stop = once(async () => {
      await Promise.all(starts) // whatever is still starting must exist before it can be removed
      // One forced removal per container: nothing in them is worth a graceful stop once the check is over.
      await Promise.all(containers.map((container) => dockerode.getContainer(container.getId()).remove({ force: true, v: true }).catch(() => undefined)))
      await created.remove().catch(() => undefined)
      reaper.release()
    })

    const createDatabase = async (name: string): Promise<StartedDatabase> => {
      const { hostUrl, ready } = await database
      await ready
      const client = new pg.Client({ connectionString: hostUrl })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
      } finally {
        await client.end().catch(() => undefined)
      }
      const url = new URL(hostUrl)
      url.pathname = `/${name}`
      return { hostUrl: url.toString(), ready: Promise.resolve() }
    }

    const startService = async (launch: ServiceLaunch, signal: AbortSignal): Promise<StartedService> => {
      const serviceName = `drill-${launch.dependency ?? 'service'}-${run}`
      const serviceUrl = `http://${serviceName}:${SERVICE_PORT}`
      const databaseUrl = `postgresql://${DB.user}:${DB.password}@${DB.alias}:5432/${launch.dependency ?? DB.database}`
      const log = new LogTail()
      let service: StartedTestContainer
      let probe: StartedTestContainer
      try {
        ;[service, probe] = await Promise.all([
          starting(
            new LimitedContainer(this.images.node)
              .withName(serviceName)
              .withNetworkMode(network)
              .withUser('1000')
              .withCopyDirectoriesToContainer([{ source: launch.bundleDir, target: '/app' }])
              .withWorkingDir('/app')
              .withEnvironment({ ...launch.environment, DATABASE_URL: databaseUrl, HOST: '0.0.0.0', PORT: String(SERVICE_PORT) })
              .withCommand(['node', '--enable-source-maps', `/app/${launch.entry}`])
              .withResourcesQuota({ memory: SERVICE_LIMITS.memoryGiB, cpu: SERVICE_LIMITS.cpus })
              .withPidsLimit(SERVICE_LIMITS.pids)
              .withLogLimit('10m')
              .withLabels(ownerLabels())
              .start()
              .then(track)
          ),
          runner
        ])
      } catch (error) {
        throw new InfrastructureError(`Docker could not start the service's containers: ${(error as Error).message}`)
      }
      const logStream = await service.logs()
      logStream.on('data', (chunk: Buffer | string) => log.push(chunk))

      const exec = async (command: string[], env: Record<string, string>, timeoutMs: number, execSignal: AbortSignal): Promise<TestRun> => {
        let timer: NodeJS.Timeout | undefined
        // Out of time is an answer (the tests did not finish), not an error; the container goes with the check.
        const outOfTime = new Promise<TestRun>((resolve, reject) => {
          timer = setTimeout(() => resolve({ stdout: '', stderr: '', exitCode: 124, timedOut: true }), timeoutMs)
          execSignal.addEventListener('abort', () => reject(execSignal.reason), { once: true })
        })
        try {
          const result = await Promise.race([probe.exec(command, { env }), outOfTime])
          return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, ...('timedOut' in result ? { timedOut: true } : {}) }
        } finally {
          clearTimeout(timer)
        }
      }

      const exitedEarly = watchForExit(this.client, service.getId(), signal)
      const ready = await Promise.race([
        exec(['node', `${TESTS_DIR}/${WAIT_FILE}`, `${serviceUrl}/health`, String(launch.startTimeoutMs)], {}, launch.startTimeoutMs + 5_000, signal).then(
          (result) => ({ ok: result.exitCode === 0 })
        ),
        exitedEarly.promise.then((exitCode) => ({ ok: false, exitCode }))
      ])
      exitedEarly.cancel()
      if (!ready.ok) {
        await new Promise((resolve) => setTimeout(resolve, 200)) // let the last log lines arrive
        const how =
          'exitCode' in ready
            ? `exited during start-up (exit code ${ready.exitCode}${ready.exitCode === 137 ? ', killed: out of memory?' : ''})`
            : `did not answer GET /health within ${launch.startTimeoutMs / 1000} s`
        throw new ServiceStartError(`The service ${launch.dependency ? `${launch.dependency} (which the drill's service calls) ` : ''}${how}.`, log.lines())
      }
      return {
        address: { url: serviceUrl, databaseUrl },
        logs: () => log.lines(),
        runTests: (testLaunch, testSignal) =>
          exec(
            ['node', ...testCommand(TESTS_DIR)],
            testEnvironment(testLaunch, { url: serviceUrl, databaseUrl }),
            testLaunch.timeoutMs + 5_000,
            testSignal
          )
      }
    }

    return { database, createDatabase, startService, stop, [Symbol.asyncDispose]: stop }
  }
}

async function waitForConnection(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return
    } catch (error) {
      last = error
      await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      await client.end().catch(() => undefined)
    }
  }
  throw new InfrastructureError(`PostgreSQL in Docker did not accept connections within ${timeoutMs / 1000} s: ${(last as Error)?.message}`)
}

function watchForExit(client: ContainerRuntimeClient, id: string, signal: AbortSignal) {
  let cancelled = false
  const promise = (async () => {
    const container = client.container.getById(id)
    while (!cancelled && !signal.aborted) {
      const info = await client.container.inspect(container).catch(() => undefined)
      if (info && !info.State.Running) return info.State.ExitCode
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    return new Promise<number>(() => undefined)
  })()
  return { promise, cancel: () => (cancelled = true) }
}

/**
 * If the process exits before the async cleanup ran (a second Ctrl-C, a crash), remove what
 * this run started synchronously with the docker CLI.
 */
class ExitReaper {
  #containers: string[] = []
  #networks: string[] = []
  readonly #onExit = () => {
    if (this.#containers.length) spawnSync('docker', ['rm', '-f', ...this.#containers], { stdio: 'ignore' })
    if (this.#networks.length) spawnSync('docker', ['network', 'rm', ...this.#networks], { stdio: 'ignore' })
  }

  constructor() {
    process.once('exit', this.#onExit)
  }

  container(id: string): void {
    this.#containers.push(id)
  }

  network(name: string): void {
    this.#networks.push(name)
  }

  release(): void {
    process.off('exit', this.#onExit)
  }
}
