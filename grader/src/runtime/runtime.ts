import type { BuildJob, BuildOutcome } from '../build/build-job.js'

export type RuntimeName = 'docker' | 'embedded'

export interface StartedDatabase {
  /** Where the grader (on the host) reaches the database, to migrate it. */
  hostUrl: string
  /** Resolves once the database accepts connections. */
  ready: Promise<void>
}

export interface ServiceLaunch {
  /** Folder with the bundled service; `entry` is the file to run. */
  bundleDir: string
  entry: string
  /** The scenario's production-like environment. */
  environment: Record<string, string>
  startTimeoutMs: number
  /**
   * A service the drill's service depends on (the manifest's `dependsOn`), with the database of that name
   * (`createDatabase`); absent for the drill's own service, which uses the environment's database.
   */
  dependency?: string
  /**
   * Resolves once the service's database is up and migrated: the service's process starts only
   * then, as a deployment starts a service after its migrations. A runtime may prepare the rest
   * (its container) before. A rejection is the start's rejection.
   */
  startAfter?: Promise<void>
}

/** A service started beside the drill's, as the drill's service and the hidden tests reach it. */
export interface DependencyAddress {
  url: string
  databaseUrl: string
}

export interface TestLaunch {
  /** Folder with the bundled hidden tests, the reporter and the readiness probe. */
  bundleDir: string
  seed: number
  /** The API key the service was given for this check; the tests send it. */
  serviceToken: string
  timeoutMs: number
  /** The services started beside the drill's, by name, for drill-kit's `dependency()`. */
  dependencies?: Record<string, DependencyAddress>
}

export interface TestRun {
  stdout: string
  stderr: string
  exitCode: number
  /** The tests outlasted their time and were killed: what they printed so far is all there is. */
  timedOut?: boolean
}

export interface StartedService {
  /** Where the other services and the hidden tests reach it, and its database. */
  address: DependencyAddress
  /** The service's recent log lines, for reports. */
  logs(): string[]
  runTests(launch: TestLaunch, signal: AbortSignal): Promise<TestRun>
}

/**
 * Everything one check runs: its database, its service and, on Docker, the network and the
 * tests' container. It exists before any of them is up, so they can start side by side, and
 * `stop()` removes all of them, whatever state each is in.
 */
export interface StartedEnvironment extends AsyncDisposable {
  database: Promise<StartedDatabase>
  /** Another database on the same server, for a service the drill's service depends on. */
  createDatabase(name: string): Promise<StartedDatabase>
  /** Starts the service under `launch` and waits until it answers GET /health. */
  startService(launch: ServiceLaunch, signal: AbortSignal): Promise<StartedService>
  stop(): Promise<void>
}

/** Where a graded service runs: Docker containers, or the host with an embedded PostgreSQL. */
export interface GradingRuntime {
  readonly name: RuntimeName
  /** The service runs from inside the checkout, so packages load from its node_modules. */
  readonly runsInsideCheckout: boolean
  startEnvironment(tests: TestLaunch, signal: AbortSignal): Promise<StartedEnvironment>
  /** Removes what checks of processes no longer running left in this runtime (containers, volumes); answers how many. */
  removeLeftovers?(): Promise<number>
  /** Builds in a container of their own (see GradeOptions.confinedBuild), where this runtime has them. */
  confinedBuild?: ConfinedBuilder
}

export interface ConfinedBuilder {
  /** Why a build cannot run confined on this machine, if it cannot. */
  unavailable(): Promise<string | undefined>
  run(job: BuildJob, signal: AbortSignal): Promise<BuildOutcome>
}

/** The service crashed, hung or never became ready: the trainee's code, shown with its log. */
export class ServiceStartError extends Error {
  constructor(
    message: string,
    readonly logs: string[]
  ) {
    super(message)
    this.name = 'ServiceStartError'
  }
}

/**
 * How node runs a graded service. Source maps, so that a trainee's stack traces name their own
 * files. Liftoff only: V8 first compiles WebAssembly (Prisma's query compiler) with its baseline
 * compiler and then, in background threads, recompiles the hot functions with its optimizing one.
 * A graded service lives for a few seconds, so that second compile never pays for itself: without
 * it the service of an embedded check used 2.3 to 2.7 CPU-seconds instead of 3.5 to 3.9, and the
 * check ended 0.2 to 0.7 s sooner on two cores. (`drill run` starts the service as it deploys.)
 */
export const SERVICE_NODE_FLAGS = ['--enable-source-maps', '--liftoff-only'] as const

/** Runs `stop` once, however often it is called. */
export function once(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined
  return () => (stopping ??= stop())
}

/** What a hidden test run is told: where the service, its database and the services beside it are. */
export function testEnvironment(tests: TestLaunch, service: DependencyAddress): Record<string, string> {
  return {
    DRILL_SERVICE_URL: service.url,
    DRILL_DATABASE_URL: service.databaseUrl,
    DRILL_SEED: String(tests.seed),
    DRILL_SERVICE_TOKEN: tests.serviceToken,
    ...(tests.dependencies && Object.keys(tests.dependencies).length > 0 ? { DRILL_DEPENDENCIES: JSON.stringify(tests.dependencies) } : {})
  }
}
