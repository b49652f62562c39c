import type { ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import pg from 'pg'
import { SUPERUSER, SUPERUSER_PASSWORD } from './cluster-template.js'
import { guardAgainstOwnerDeath } from './owner-guardian.js'

const SHUTDOWN_GRACE_MS = 5_000

/** A running throwaway PostgreSQL. `stop()` (or `await using`) ends it and deletes its data. */
export class StartedLocalPostgres implements AsyncDisposable {
  readonly host = '127.0.0.1'
  readonly user = SUPERUSER
  #password = SUPERUSER_PASSWORD
  #stopping: Promise<void> | undefined
  readonly #onExit = () => this.#killNow()
  readonly #releaseGuard: () => void

  constructor(
    readonly port: number,
    private readonly process: ChildProcess,
    private readonly workDir: string,
    private readonly logLines: string[]
  ) {
    // Last resort if the owner never calls stop(): nothing may outlive this process, not even
    // when it is killed before it can run an exit handler.
    globalThis.process.once('exit', this.#onExit)
    this.#releaseGuard = this.process.pid ? guardAgainstOwnerDeath({ pid: this.process.pid, signal: 'SIGINT', removeDir: workDir }) : () => undefined
  }

  get password(): string {
    return this.#password
  }

  /**
   * Makes `password` the superuser's from now on, for a cluster kept in a data folder: the
   * cached cluster every one starts from has a well-known password, which any local user could
   * use. Idempotent: a cluster that has it already (a later start) is only connected to with it.
   */
  async usePassword(password: string): Promise<void> {
    if (password === this.#password) return
    const client = new pg.Client({ connectionString: this.connectionUri() })
    const reachable = await client.connect().then(
      () => true,
      () => false
    )
    if (!reachable) {
      this.#password = password // set by an earlier start: the next connection proves it
      return
    }
    try {
      await client.query(`ALTER ROLE ${client.escapeIdentifier(this.user)} PASSWORD ${client.escapeLiteral(password)}`)
    } finally {
      await client.end()
    }
    this.#password = password
  }

  get pid(): number | undefined {
    return this.process.pid
  }

  connectionUri(database = 'postgres'): string {
    return `postgresql://${this.user}:${this.password}@${this.host}:${this.port}/${database}`
  }

  /** The server's last log lines, for error reports. */
  logs(): string[] {
    return [...this.logLines]
  }

  async createDatabase(name: string, options: { template?: string } = {}): Promise<string> {
    const client = new pg.Client({ connectionString: this.connectionUri() })
    await client.connect()
    try {
      const template = options.template ? ` TEMPLATE ${client.escapeIdentifier(options.template)}` : ''
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${template}`)
    } finally {
      await client.end()
    }
    return this.connectionUri(name)
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#stop()
    return this.#stopping
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop()
  }

  async #stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()))
      this.process.kill('SIGINT') // PostgreSQL's fast shutdown
      const timer = setTimeout(() => this.process.kill('SIGKILL'), SHUTDOWN_GRACE_MS)
      await exited
      clearTimeout(timer)
    }
    globalThis.process.off('exit', this.#onExit)
    await rm(this.workDir, { recursive: true, force: true })
    this.#releaseGuard()
  }

  #killNow(): void {
    this.process.kill('SIGKILL')
    rmSync(this.workDir, { recursive: true, force: true })
  }
}
