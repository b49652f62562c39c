import { randomBytes } from 'node:crypto'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { startLocalPostgres, type StartedLocalPostgres } from '@debug-drills/local-postgres'
import { CleanupStack, drillDir, type GradingRuntime, InfrastructureError, listScenarios, loadTracks, pristineBase, type Scenario } from '@debug-drills/grader'
import { buildWorkshopApp } from './app.js'
import { DEFAULT_QUEUE_TIMING, enqueueGrading, openQueue, startGradingWorker, type GradingWorker, type QueueTiming } from './grading-queue.js'
import { hashToken, newToken } from './tokens.js'
import { WorkshopEvents } from './workshop-events.js'
import { migrateWorkshopDb, openWorkshopDb, type WorkshopDb } from './workshop-db.js'

export interface WorkshopServerOptions {
  repoRoot: string
  host?: string
  port?: number
  /** An existing PostgreSQL; by default an embedded one keeps its data under `dataDir`. */
  databaseUrl?: string
  /** Where the server keeps its state (the embedded database, the facilitator token); `.drill/serve` by default. */
  stateDir?: string
  /** Where the embedded PostgreSQL keeps its data; `<stateDir>/postgres` by default. */
  dataDir?: string
  /** Fixed port for the embedded PostgreSQL (so workers on other machines can reach it). */
  databasePort?: number
  /** Gradings this process runs at once; 0 leaves grading to `drill worker`s. */
  workers: number
  /** Needed when `workers` > 0. */
  runtime?: GradingRuntime
  submissionsPerMinute?: number
  timing?: Partial<QueueTiming>
  boardRefreshMs?: number
  logger?: boolean
  onLog?: (line: string) => void
}

export interface RunningWorkshopServer {
  url: string
  databaseUrl: string
  /** Set when this start created the token (first start, or after the file went missing). */
  facilitatorToken: string
  tokenFile: string
  app: FastifyInstance
  stop(): Promise<void>
}

export function serveStateDir(repoRoot: string): string {
  return drillDir(repoRoot, 'serve')
}

/**
 * The facilitator's token: kept in a file only the server's user can read, its hash in the
 * database. A file whose token the database does not know (a new database) gets a new one.
 */
async function ensureFacilitatorToken(db: WorkshopDb, file: string): Promise<string> {
  const saved = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => ''
  )
  if (saved && (await db.facilitatorToken.findUnique({ where: { tokenHash: hashToken(saved) } }))) return saved
  const token = newToken('facilitator')
  await db.facilitatorToken.create({ data: { tokenHash: hashToken(token) } })
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${token}\n`, { mode: 0o600 })
  await chmod(file, 0o600)
  return token
}

/** The embedded database's own password, made on the first start and kept beside its data, for this user only. */
async function databasePassword(file: string): Promise<string> {
  const saved = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => ''
  )
  if (saved) return saved
  const password = randomBytes(24).toString('base64url')
  await writeFile(file, `${password}\n`, { mode: 0o600 })
  await chmod(file, 0o600)
  return password
}

export async function scenarioCatalog(repoRoot: string): Promise<Map<string, Scenario>> {
  return new Map((await listScenarios(repoRoot)).map((scenario) => [scenario.id, scenario]))
}

/**
 * `drill serve`: PostgreSQL (embedded and kept, or the given one), migrations, the grading
 * queue, the HTTP server, and as many in-process grading slots as asked. `stop()` ends all of it.
 */
export async function startWorkshopServer(options: WorkshopServerOptions): Promise<RunningWorkshopServer> {
  const cleanup = new CleanupStack()
  const log = options.onLog ?? (() => undefined)
  const timing: QueueTiming = { ...DEFAULT_QUEUE_TIMING, ...options.timing }
  const stateDir = options.stateDir ?? serveStateDir(options.repoRoot)
  try {
    // The database's files and the facilitator's token: for this user's eyes only. As root, the
    // embedded PostgreSQL runs as another user, which must still pass through to its own folder.
    const stateMode = process.getuid?.() === 0 ? 0o711 : 0o700
    await mkdir(stateDir, { recursive: true, mode: stateMode })
    await chmod(stateDir, stateMode)
    let databaseUrl = options.databaseUrl
    if (!databaseUrl) {
      let postgres: StartedLocalPostgres
      const dataDir = options.dataDir ?? join(stateDir, 'postgres')
      try {
        postgres = await startLocalPostgres({ dataDir, ...(options.databasePort ? { port: options.databasePort } : {}) })
      } catch (error) {
        const logs = (error as { logs?: string[] }).logs ?? []
        throw new InfrastructureError(
          `The workshop database did not start from ${dataDir}: ${(error as Error).message}.${logs.length ? ` PostgreSQL said: ${logs.slice(-3).join(' ')}` : ''} If another \`drill serve\` uses that folder, stop it first; or give an existing server with --database-url.`
        )
      }
      cleanup.defer(() => postgres.stop())
      // Not the well-known password of the cluster it starts from: another local user could write verdicts.
      await postgres.usePassword(await databasePassword(join(stateDir, 'database-password')))
      databaseUrl = postgres.connectionUri()
      log(`Database: embedded PostgreSQL, data kept in ${dataDir}`)
    } else {
      log('Database: the server given by --database-url / DATABASE_URL')
    }
    const applied = await migrateWorkshopDb(databaseUrl).catch((error: Error) => {
      throw new InfrastructureError(`Could not prepare the workshop database: ${error.message}. Check that the database URL is right and the user may create tables.`)
    })
    if (applied.length) log(`Migrations applied: ${applied.join(', ')}`)

    const db = openWorkshopDb(databaseUrl)
    cleanup.defer(() => db.$disconnect())
    const boss = await openQueue(databaseUrl, timing, (error) => log(`queue: ${error.message}`))
    cleanup.defer(() => boss.stop({ graceful: false, wait: true, close: true, timeout: 5_000 }))
    const events = await WorkshopEvents.listen(databaseUrl)
    events.on('error', (error) => log(`events: ${error.message}`))
    cleanup.defer(() => events.close())

    const [catalog, base] = await Promise.all([scenarioCatalog(options.repoRoot), pristineBase(options.repoRoot)])
    const tracks = await loadTracks(options.repoRoot, [...catalog.values()])
    const tokenFile = join(stateDir, 'facilitator-token')
    const facilitatorToken = await ensureFacilitatorToken(db, tokenFile)

    const app = await buildWorkshopApp({
      db,
      repoRoot: options.repoRoot,
      catalog,
      tracks,
      pristineBase: base,
      events,
      enqueue: (job) => enqueueGrading(boss, job),
      gradeTimeoutMs: timing.gradeTimeoutMs,
      submissionsPerMinute: options.submissionsPerMinute ?? 6,
      ...(options.boardRefreshMs ? { boardRefreshMs: options.boardRefreshMs } : {}),
      logger: options.logger ?? false
    })
    cleanup.defer(() => app.close())

    if (options.workers > 0) {
      if (!options.runtime) throw new InfrastructureError('In-process grading needs a runtime.')
      const worker = await startGradingWorker({
        db,
        boss,
        repoRoot: options.repoRoot,
        runtime: options.runtime,
        catalog,
        concurrency: options.workers,
        onError: (error) => log(`grading: ${error.message}`),
        onNote: (note) => log(`grading: ${note}`),
        onRequeued: (id, grader) => log(`grading: ${id} back in the queue, its grader ${grader} is no longer running`)
      })
      cleanup.defer(() => worker.stop())
    }

    const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 })
    const stack = cleanup.move()
    return {
      url: address.replace('[::1]', 'localhost'),
      databaseUrl,
      facilitatorToken,
      tokenFile,
      app,
      stop: () => stack[Symbol.asyncDispose]()
    }
  } catch (error) {
    await cleanup[Symbol.asyncDispose]()
    throw error
  }
}

export interface WorkerProcessOptions {
  repoRoot: string
  databaseUrl: string
  runtime: GradingRuntime
  concurrency: number
  name?: string
  timing?: Partial<QueueTiming>
  onLog?: (line: string) => void
  onGraded?: (submissionId: string, status: string) => void
  onRequeued?: (submissionId: string, deadGrader: string) => void
}

export interface RunningWorker {
  name: string
  stop(): Promise<void>
}

/** `drill worker`: grading slots on another machine, sharing the server's queue through its database. */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<RunningWorker> {
  const cleanup = new CleanupStack()
  const log = options.onLog ?? (() => undefined)
  try {
    const db = openWorkshopDb(options.databaseUrl)
    cleanup.defer(() => db.$disconnect())
    await db.$queryRaw`SELECT 1`.catch((error: Error) => {
      // Prisma wraps the driver's reason in lines about the call; the reason is what helps.
      const reason = /Message: `([^`]+)`/.exec(error.message)?.[1] ?? error.message.trim().split('\n').pop()
      throw new InfrastructureError(`Cannot reach the workshop database (${reason}). Use the URL \`drill serve\` printed, from a machine that can reach it.`)
    })
    const migrated = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('public.submissions') IS NOT NULL AS present`
    if (!migrated[0]?.present) {
      throw new InfrastructureError('That database has no workshop tables: start `drill serve` on it first, then the workers.')
    }
    const boss = await openQueue(options.databaseUrl, { ...DEFAULT_QUEUE_TIMING, ...options.timing }, (error) => log(`queue: ${error.message}`))
    cleanup.defer(() => boss.stop({ graceful: false, wait: true, close: true, timeout: 5_000 }))
    const worker: GradingWorker = await startGradingWorker({
      db,
      boss,
      repoRoot: options.repoRoot,
      runtime: options.runtime,
      catalog: await scenarioCatalog(options.repoRoot),
      concurrency: options.concurrency,
      ...(options.name ? { name: options.name } : {}),
      ...(options.onGraded ? { onGraded: options.onGraded } : {}),
      ...(options.onRequeued ? { onRequeued: options.onRequeued } : {}),
      onError: (error) => log(`grading: ${error.message}`),
      onNote: (note) => log(`grading: ${note}`)
    })
    cleanup.defer(() => worker.stop())
    const stack = cleanup.move()
    return { name: worker.name, stop: () => stack[Symbol.asyncDispose]() }
  } catch (error) {
    await cleanup[Symbol.asyncDispose]()
    throw error
  }
}

