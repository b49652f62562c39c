export type RuntimeName = 'docker' | 'embedded'

export interface StartedDatabase extends AsyncDisposable {
  /** Where the grader (on the host) reaches the database, to migrate it. */
  hostUrl: string
  /**
   * Resolves once the database accepts connections. It may start later than the database
   * object exists (Docker), so the service can start in the meantime.
   */
  ready: Promise<void>
  stop(): Promise<void>
}

export interface ServiceLaunch {
  /** Folder with the bundled service; `entry` is the file to run. */
  bundleDir: string
  entry: string
  /** The scenario's production-like environment. */
  environment: Record<string, string>
  startTimeoutMs: number
}

export interface TestLaunch {
  /** Folder with the bundled hidden tests, the reporter and the readiness probe. */
  bundleDir: string
  seed: number
  timeoutMs: number
}

export interface TestRun {
  stdout: string
  stderr: string
  exitCode: number
}

export interface StartedService extends AsyncDisposable {
  /** The service's recent log lines, for reports. */
  logs(): string[]
  runTests(launch: TestLaunch, signal: AbortSignal): Promise<TestRun>
  stop(): Promise<void>
}

/** Where a graded service runs: Docker containers, or the host with an embedded PostgreSQL. */
export interface GradingRuntime {
  readonly name: RuntimeName
  /** The service runs from inside the checkout, so packages load from its node_modules. */
  readonly runsInsideCheckout: boolean
  /** Starts the database, and anything that needs only the tests (the Docker runtime's test runner). */
  startDatabase(tests: TestLaunch, signal: AbortSignal): Promise<StartedDatabase>
  startService(database: StartedDatabase, launch: ServiceLaunch, tests: TestLaunch, signal: AbortSignal): Promise<StartedService>
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
