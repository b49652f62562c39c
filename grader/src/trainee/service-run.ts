/** What `drill run` needs from a way of running a service: embedded or docker compose. */
export interface ServiceRunOptions {
  repoRoot: string
  service: string
  serviceDir: string
  port: number
  /** The database's port on 127.0.0.1; by default a free one. */
  databasePort?: number | undefined
  inspectPort?: number | undefined
  /** The scenario's production environment (TZ, NODE_ENV, …). */
  environment: Record<string, string>
  seed: boolean
  signal: AbortSignal
  /** Runs a long step with a progress indicator. */
  step<T>(text: string, work: () => Promise<T>): Promise<T>
  /** Every line the database logs, statements included. */
  onSql?: (line: string) => void
  /** Docker only: a network shared with the services of the same drill, which reach this one by its name. */
  linksNetwork?: string
}

export interface ServiceRun {
  url: string
  databaseUrl: string
  /** Where every SQL statement is logged, when that is a file. */
  sqlLog?: string
  /** How to see the SQL when it is not a file. */
  sqlCommand?: string
  inspect?: string
  pid: number
  /** Resolves when the service process ends by itself. */
  exited: Promise<number | null>
  /** Stops everything the run started. */
  stop(): Promise<void>
}
