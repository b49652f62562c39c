import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { GenericContainer, getContainerRuntimeClient, type ContainerRuntimeClient, type StartedTestContainer } from 'testcontainers'
import { InfrastructureError } from '../errors.js'
import { testCommand, WAIT_FILE } from '../hidden-tests/bundle-tests.js'
import { confinedBuildUnavailable, runConfinedBuild } from './build-container.js'
import { dockerHostAnswers } from './docker-host-answers.js'
import { ExitReaper } from './exit-reaper.js'
import { resolveImages, type ResolvedImages } from './docker-images.js'
import { CHECK_LABEL, ownerLabels, removeLeftovers } from './docker-labels.js'
import { LimitedContainer } from './limited-container.js'
import { LogTail } from './log-tail.js'
import { StartedWaitStrategy } from './started-wait-strategy.js'
import {
  once,
  SERVICE_NODE_FLAGS,
  testEnvironment,
  ServiceStartError,
  type GradingRuntime,
  type ServiceLaunch,
  type StartedDatabase,
  type StartedEnvironment,
  type ConfinedBuilder,
  type StartedService,
  type TestLaunch,
  type TestRun
} from './runtime.js'

/** The database superuser (only the grader knows its password) and the role the service and the tests use. */
const DB = { admin: 'drill', role: 'service', database: 'app' }
/** Where PostgreSQL puts its socket, in a volume it shares with the sandbox: the sandbox has no network to reach it by. */
const SOCKET_DIR = '/run/drill-db'
/** The first service listens here, each dependency on the next port up, all on the sandbox's loopback. */
const FIRST_SERVICE_PORT = 3000
/** Password login on the socket too: local trust would make any process in the sandbox the superuser. */
const HBA = 'local all all scram-sha-256\nhost all all all scram-sha-256\n'
const HBA_FILE = '/etc/drill/pg_hba.conf'
/** The service container's limits: a small production pod. */
const SERVICE_LIMITS = { memoryGiB: 0.5, cpus: 1, pids: 256 }
const TESTS_DIR = '/drill'
/**
 * Loaded with `--import` before the service's entry, so that the container is created and
 * started while the database starts, and the service's own code runs once the database is
 * migrated: the grader then writes `migratedFile` into the socket volume.
 */
const START_GATE_FILE = '/drill-start/after-migrations.mjs'
const startGate = (migratedFile: string) => `import { existsSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
while (!existsSync(${JSON.stringify(migratedFile)})) await sleep(20)
`

export const NO_DAEMON_MESSAGE =
  'No Docker daemon answers. Start Docker Desktop (macOS, Windows) or the docker service (Linux: `sudo systemctl start docker`), ' +
  'check that `docker info` works, and run again. Or grade without Docker: --runtime embedded.'

/**
 * The service and the hidden tests run in a sandbox: two containers that share one network
 * namespace with nothing in it but loopback, so they reach each other and nothing else (not the
 * host, not the internet). They reach PostgreSQL through its Unix socket, in a volume shared with
 * the database's container, as a role that owns the check's databases and nothing more (no
 * superuser, so no `COPY … PROGRAM` to run commands in the database's container, which has a
 * network). Only the grader, on the host, reaches PostgreSQL over TCP, on a published port, to
 * migrate it.
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

  removeLeftovers(): Promise<number> {
    return removeLeftovers(this.client)
  }

  /** A one-off container on the Node image, as an unprivileged user without network (see runInBuildContainer). */
  readonly confinedBuild: ConfinedBuilder = {
    unavailable: () => (this.#unavailable ??= confinedBuildUnavailable(this.client.container.dockerode, this.images.node)),
    run: (job, signal) => runConfinedBuild(this.client.container.dockerode, this.images.node, job, signal)
  }

  #unavailable: Promise<string | undefined> | undefined

  /**
   * Creates the socket volume, then starts PostgreSQL and the tests' container side by side; the
   * service container starts as soon as the tests' one exists, while PostgreSQL comes up.
   */
  async startEnvironment(tests: TestLaunch): Promise<StartedEnvironment> {
    const run = randomBytes(4).toString('hex')
    const socketVolume = `drill-db-${run}`
    const adminPassword = randomBytes(16).toString('hex')
    const rolePassword = randomBytes(16).toString('hex')
    const dockerode = this.client.container.dockerode
    const reaper = new ExitReaper()
    // Every container of this check carries its run: one whose start failed half-way was never tracked, and goes too.
    const labels = { ...ownerLabels(), [CHECK_LABEL]: run }
    try {
      await dockerode.createVolume({
        Name: socketVolume,
        Driver: 'local',
        DriverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=1m,mode=1777' },
        Labels: labels
      })
    } catch (error) {
      reaper.release()
      throw new InfrastructureError(`Docker could not create a volume: ${(error as Error).message}`)
    }
    reaper.volume(socketVolume)
    reaper.labelled(`${CHECK_LABEL}=${run}`)
    const socketMount = { source: socketVolume, target: SOCKET_DIR, mode: 'rw' as const }
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
        .withExposedPorts(5432)
        .withTmpFs({ '/var/lib/postgresql/data': 'rw' })
        .withBindMounts([socketMount])
        .withCopyContentToContainer([{ content: HBA, target: HBA_FILE, mode: 0o644 }])
        .withEnvironment({ POSTGRES_USER: DB.admin, POSTGRES_PASSWORD: adminPassword, POSTGRES_DB: DB.database })
        .withCommand([
          'postgres',
          ...['-c', `hba_file=${HBA_FILE}`],
          // The image's own socket folder stays: its entrypoint initialises the database through it.
          ...['-c', `unix_socket_directories=/var/run/postgresql,${SOCKET_DIR}`],
          ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        ])
        .withLabels(labels)
        .withWaitStrategy(new StartedWaitStrategy())
        .start()
        .then(track)
    )
    const runner = starting(
      new GenericContainer(this.images.node)
        .withName(`drill-tests-${run}`)
        .withNetworkMode('none')
        .withBindMounts([socketMount])
        .withCopyDirectoriesToContainer([{ source: tests.bundleDir, target: TESTS_DIR }])
        .withCommand(['sleep', 'infinity'])
        .withLabels(labels)
        .start()
        .then(track)
    )
    const server = postgres.then(
      (container) => {
        const at = `${container.getHost()}:${container.getMappedPort(5432)}`
        const adminUrl = `postgresql://${DB.admin}:${adminPassword}@${at}/${DB.database}`
        const roleUrl = (database: string) => `postgresql://${DB.role}:${rolePassword}@${at}/${database}`
        const ready = waitForConnection(adminUrl, 30_000).then(() =>
          asAdmin(adminUrl, [
            `CREATE ROLE ${DB.role} LOGIN PASSWORD '${rolePassword}' NOSUPERUSER NOCREATEDB NOCREATEROLE`,
            `ALTER DATABASE ${DB.database} OWNER TO ${DB.role}`
          ])
        )
        ready.catch(() => undefined) // observed by the caller
        return { adminUrl, roleUrl, database: { hostUrl: roleUrl(DB.database), ready } satisfies StartedDatabase }
      },
      (error: Error) => {
        throw new InfrastructureError(`PostgreSQL did not start in Docker (${this.images.postgres}): ${error.message}`)
      }
    )
    server.catch(() => undefined)
    const database = server.then(({ database }) => database)
    database.catch(() => undefined)

    const stop = once(async () => {
      await Promise.all(starts) // whatever is still starting must exist before it can be removed
      // One forced removal per container: nothing in them is worth a graceful stop once the check is over.
      const made = await dockerode.listContainers({ all: true, filters: { label: [`${CHECK_LABEL}=${run}`] } }).catch(() => [])
      const ids = new Set([...containers.map((container) => container.getId()), ...made.map((info) => info.Id)])
      await Promise.all([...ids].map((id) => dockerode.getContainer(id).remove({ force: true, v: true }).catch(() => undefined)))
      await dockerode.getVolume(socketVolume).remove().catch(() => undefined)
      reaper.release()
    })

    const createDatabase = async (name: string): Promise<StartedDatabase> => {
      const { adminUrl, roleUrl, database: own } = await server
      await own.ready
      await asAdmin(adminUrl, [`CREATE DATABASE ${pg.escapeIdentifier(name)} OWNER ${DB.role}`])
      return { hostUrl: roleUrl(name), ready: Promise.resolve() }
    }
    let nextPort = FIRST_SERVICE_PORT

    const startService = async (launch: ServiceLaunch, signal: AbortSignal): Promise<StartedService> => {
      const serviceName = `drill-${launch.dependency ?? 'service'}-${run}`
      const port = nextPort++
      const serviceUrl = `http://127.0.0.1:${port}`
      const databaseUrl = `postgresql://${DB.role}:${rolePassword}@localhost/${launch.dependency ?? DB.database}?host=${SOCKET_DIR}`
      const migratedFile = `${SOCKET_DIR}/${serviceName}.migrated`
      const log = new LogTail()
      let service: StartedTestContainer
      let probe: StartedTestContainer
      try {
        // The service joins the tests' network namespace, so that container has to exist first.
        probe = await runner
        service = await starting(
          new LimitedContainer(this.images.node)
            .withName(serviceName)
            .withNetworkMode(`container:${probe.getId()}`)
            .withBindMounts([socketMount])
            .withUser('1000')
            .withCopyDirectoriesToContainer([{ source: launch.bundleDir, target: '/app' }])
            .withCopyContentToContainer(launch.startAfter ? [{ content: startGate(migratedFile), target: START_GATE_FILE, mode: 0o644 }] : [])
            .withWorkingDir('/app')
            .withEnvironment({ ...launch.environment, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(port) })
            .withCommand(['node', ...SERVICE_NODE_FLAGS, ...(launch.startAfter ? ['--import', START_GATE_FILE] : []), `/app/${launch.entry}`])
            .withResourcesQuota({ memory: SERVICE_LIMITS.memoryGiB, cpu: SERVICE_LIMITS.cpus })
            .withPidsLimit(SERVICE_LIMITS.pids)
            .withLogLimit('10m')
            .withLabels(labels)
            .start()
            .then(track)
        )
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

      if (launch.startAfter) {
        await launch.startAfter
        const opened = await probe.exec(['node', '-e', `require('node:fs').writeFileSync(${JSON.stringify(migratedFile)}, '')`])
        if (opened.exitCode !== 0) throw new InfrastructureError(`Docker could not let the service start after its migrations: ${opened.output.trim()}`)
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

async function asAdmin(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end().catch(() => undefined)
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
