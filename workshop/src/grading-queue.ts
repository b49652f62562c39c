import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import PgBoss from 'pg-boss'
import { CancelledError, DrillError, grade, type GradeReport, type GradingRuntime, processAlive, removeLeftoverFolders, type Scenario, sweepPeriodically, temporaryPrefix } from '@debug-drills/grader'
import { Value } from 'typebox/value'
import { GradingReport } from '@debug-drills/workshop-contract'
import { announce, type WorkshopDb } from './workshop-db.js'

export const GRADE_QUEUE = 'grade-submission'

export interface GradeJob {
  submissionId: string
  /** The whole check's limit; the job expires a little after it, so a dead worker's job comes back. */
  timeoutMs: number
}

export interface QueueTiming {
  /** How long one grading may take before it counts as stuck. */
  gradeTimeoutMs: number
  /** How often expired jobs are looked for (pg-boss maintenance). */
  maintenanceIntervalSeconds: number
}

export const DEFAULT_QUEUE_TIMING: QueueTiming = { gradeTimeoutMs: 180_000, maintenanceIntervalSeconds: 10 }

/** A job outlives its check by this much before it is taken from a worker that went silent. */
const EXPIRY_MARGIN_SECONDS = 10
/** A submission whose worker died or stopped is graded again, up to this many times. */
const RETRY_LIMIT = 5

/** pg-boss on the workshop's database: installs its own schema on first use. */
export async function openQueue(connectionString: string, timing: QueueTiming, onError: (error: Error) => void): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    application_name: 'drill-grading-queue',
    max: 4,
    schedule: false,
    maintenanceIntervalSeconds: timing.maintenanceIntervalSeconds,
    monitorStateIntervalSeconds: 60
  })
  boss.on('error', onError)
  await boss.start()
  await boss.createQueue(GRADE_QUEUE, { name: GRADE_QUEUE, retryLimit: RETRY_LIMIT, retryDelay: 0 })
  return boss
}

export async function enqueueGrading(boss: PgBoss, job: GradeJob): Promise<void> {
  await boss.send(GRADE_QUEUE, job, {
    expireInSeconds: Math.ceil(job.timeoutMs / 1000) + EXPIRY_MARGIN_SECONDS,
    retryLimit: RETRY_LIMIT,
    retryDelay: 0
  })
}

/**
 * A report as stored, if it has the shape this server answers with. One stored by another
 * version of the grader is left out of the answer (it stays in the database) rather than
 * failing the whole answer.
 */
export function storedReport(report: unknown): GradingReport | null {
  return Value.Check(GradingReport, report) ? report : null
}

export function submissionReport(report: GradeReport): GradingReport {
  return {
    verdict: report.verdict,
    seed: report.seed,
    durationMs: report.durationMs,
    tests: report.tests.map((test) => ({ name: test.name, status: test.status, ...(test.message ? { message: test.message } : {}) })),
    ...(report.problem ? { problem: { kind: report.problem.kind, message: report.problem.message, details: report.problem.details.slice(-30) } } : {})
  }
}

export interface GradingWorkerOptions {
  db: WorkshopDb
  boss: PgBoss
  repoRoot: string
  runtime: GradingRuntime
  catalog: ReadonlyMap<string, Scenario>
  concurrency: number
  /** A name for this worker, written on each submission it grades before its machine and process (see graderName). */
  name?: string
  onGraded?: (submissionId: string, status: string) => void
  /** Told when the worker puts back in the queue what a dead grader was grading. */
  onRequeued?: (submissionId: string, deadGrader: string) => void
  onError?: (error: Error) => void
  /** Told once each way the gradings differ from what they ask (a build that ran on the host, not in a container). */
  onNote?: (note: string) => void
  /** How often the worker clears what dead gradings left (containers, volumes, folders); 5 minutes by default. */
  sweepIntervalMs?: number
}

/** A worker sweeps at start and then this often, whether or not it is grading. */
export const SWEEP_INTERVAL_MS = 5 * 60_000

export interface GradingWorker {
  name: string
  /** Stops taking jobs and cancels the gradings under way: their submissions go back to the queue. */
  stop(): Promise<void>
}

/**
 * What a grader writes into the submissions it grades: `<host>:<pid>`, or a name given to the
 * worker followed by it (`gpu-box (host:4242)`), so that its death can be noticed either way.
 */
export function graderName(name?: string): string {
  const own = `${hostname()}:${process.pid}`
  return name ? `${name} (${own})` : own
}

/** The machine and process a grader's name (see graderName) ends in. */
export function graderProcess(gradedBy: string | null): { host: string; pid: number } | undefined {
  const match = gradedBy ? /(?:^|\()([^\s():]+):(\d+)\)?$/.exec(gradedBy) : null
  const pid = Number(match?.[2])
  return match && Number.isSafeInteger(pid) && pid > 0 ? { host: match[1]!, pid } : undefined
}

/**
 * Puts back in the queue, at once, what a grader on this machine was grading when it died
 * (`kill -9`, a crash): its job would otherwise stay taken until it expires. A grader's name
 * ends in its process (see graderName), so a dead one is told from a live one.
 */
export async function requeueOrphanedGradings(db: WorkshopDb, boss: PgBoss, onRequeued?: (submissionId: string, deadGrader: string) => void): Promise<number> {
  const grading = await db.submission.findMany({ where: { status: 'grading' }, select: { id: true, workshopId: true, gradedBy: true } })
  let requeued = 0
  for (const submission of grading) {
    const grader = graderProcess(submission.gradedBy)
    if (!grader || grader.host !== hostname() || processAlive(grader.pid)) continue
    const jobs = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM pgboss.job WHERE name = ${GRADE_QUEUE} AND state = 'active' AND data->>'submissionId' = ${submission.id}`
    const moved = await db.submission.updateMany({ where: { id: submission.id, status: 'grading', gradedBy: submission.gradedBy }, data: { status: 'queued' } })
    if (moved.count === 0) continue
    // Failing the job hands it out again (retries are immediate); the attempt still counts.
    for (const job of jobs) await boss.fail(GRADE_QUEUE, job.id, { reason: `its grader ${submission.gradedBy} died` })
    await announce(db, { kind: 'submission', workshopId: submission.workshopId, submissionId: submission.id, status: 'queued' })
    onRequeued?.(submission.id, submission.gradedBy ?? '')
    requeued++
  }
  return requeued
}

/**
 * Takes grading jobs from the queue, `concurrency` at a time. Each submission gets one
 * verdict: a worker only writes it while the submission is still being graded, so a retried
 * job whose first worker came back late cannot grade it twice.
 */
export async function startGradingWorker(options: GradingWorkerOptions): Promise<GradingWorker> {
  const { db, boss } = options
  const name = graderName(options.name)
  const stopping = new AbortController()
  const running = new Set<Promise<unknown>>()
  const noted = new Set<string>()

  const handle = async (job: PgBoss.Job<GradeJob>) => {
    const { submissionId, timeoutMs } = job.data
    const claimed = await db.submission.updateMany({
      where: { id: submissionId, status: { in: ['queued', 'grading'] } },
      data: { status: 'grading', attempts: { increment: 1 }, gradedBy: name, gradingStartedAt: new Date() }
    })
    if (claimed.count === 0) return // graded already: a submission has one verdict
    const submission = await db.submission.findUniqueOrThrow({ where: { id: submissionId } })
    await announce(db, { kind: 'submission', workshopId: submission.workshopId, submissionId, status: 'grading' })

    const scenario = options.catalog.get(submission.scenario)
    let report: GradingReport
    const dir = await mkdtemp(temporaryPrefix('submission'))
    try {
      // Each earlier attempt ended with its worker gone (killed, crashed, out of memory): this
      // submission may be what kills them, and pg-boss gives up after this one.
      if (submission.attempts > RETRY_LIMIT) {
        throw new DrillError(`Grading this submission was started ${submission.attempts - 1} times and never finished: the grading machine stopped each time. Submit again; if it happens again, tell the facilitator.`)
      }
      if (!scenario) throw new DrillError(`This grader does not know the scenario "${submission.scenario}": update its checkout to the server's commit.`)
      const patch = join(dir, 'submission.patch')
      await writeFile(patch, submission.diff)
      // A submission is code from someone the server does not know: on Docker it builds in a container too.
      const graded = await grade({ repoRoot: options.repoRoot, scenario, runtime: options.runtime, source: 'submission', patch, timeoutMs, signal: stopping.signal, confinedBuild: options.runtime.name === 'docker' })
      for (const note of graded.notes ?? []) {
        if (noted.has(note)) continue
        noted.add(note)
        options.onNote?.(note)
      }
      report = submissionReport(graded)
    } catch (error) {
      if (error instanceof CancelledError || stopping.signal.aborted) {
        // Stopped mid-grading: back in the queue, and the job fails so pg-boss hands it out again.
        await db.submission.updateMany({ where: { id: submissionId, status: 'grading', gradedBy: name }, data: { status: 'queued' } })
        await announce(db, { kind: 'submission', workshopId: submission.workshopId, submissionId, status: 'queued' })
        throw error
      }
      if (error instanceof DrillError) {
        report = { verdict: 'error', seed: 0, durationMs: 0, tests: [], problem: { kind: 'infrastructure', message: error.message, details: [] } }
      } else {
        // A bug of ours. Retrying would only repeat it on the one grading slot: one verdict, now.
        options.onError?.(error as Error)
        const message = `The grader failed with a bug of its own (${(error as Error).message ?? String(error)}); your fix was not judged. Submit again; if it happens again, tell the facilitator.`
        report = { verdict: 'error', seed: 0, durationMs: 0, tests: [], problem: { kind: 'internal', message, details: [] } }
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    const status = report.verdict === 'pass' ? 'passed' : report.verdict === 'fail' ? 'failed' : 'error'
    const written = await db.submission.updateMany({
      where: { id: submissionId, status: 'grading' },
      data: { status, gradedAt: new Date(), gradedBy: name, report: report as object }
    })
    if (written.count === 1) {
      await announce(db, { kind: 'submission', workshopId: submission.workshopId, submissionId, status })
      options.onGraded?.(submissionId, status)
    }
  }

  // A worker killed mid-grading leaves its grading taken, and containers and folders behind; any live worker on the machine clears them.
  const sweeping = sweepPeriodically(
    () => Promise.all([requeueOrphanedGradings(db, boss, options.onRequeued), removeLeftoverFolders(options.repoRoot), options.runtime.removeLeftovers?.()]),
    options.sweepIntervalMs ?? SWEEP_INTERVAL_MS,
    (error) => options.onError?.(new Error(`clearing what dead gradings left: ${error.message}`))
  )

  const workerIds: string[] = []
  for (let slot = 0; slot < Math.max(1, options.concurrency); slot++) {
    workerIds.push(
      await boss.work<GradeJob>(GRADE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (!job) return
        const work = handle(job)
        running.add(work)
        try {
          await work
        } catch (error) {
          if (!stopping.signal.aborted) options.onError?.(error as Error)
          throw error
        } finally {
          running.delete(work)
        }
      })
    )
  }

  return {
    name,
    async stop() {
      sweeping[Symbol.dispose]()
      for (const id of workerIds) await boss.offWork({ id }).catch(() => undefined)
      stopping.abort()
      await Promise.allSettled([...running])
    }
  }
}
