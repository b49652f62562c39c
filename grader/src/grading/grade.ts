import { randomBytes, randomInt } from 'node:crypto'
import { join } from 'node:path'
import { applyMigrations } from '@debug-drills/prisma-offline'
import type { BuildJob, BuildOutcome } from '../build/build-job.js'
import { bundleService, readableRoots, type BundleResult } from '../build/bundle-service.js'
import { typecheckService, type TypecheckResult } from '../build/typecheck-service.js'
import { CancelledError, DrillError, InfrastructureError, UsageError } from '../errors.js'
import { bundleTests, type TestBundle } from '../hidden-tests/bundle-tests.js'
import { parseTestOutput } from '../hidden-tests/parse-test-output.js'
import type { TestResult } from '../hidden-tests/test-result.js'
import { CleanupStack } from '../lifecycle/cleanup-stack.js'
import { dependencyVariables } from '../runtime/dependency-environment.js'
import { ServiceStartError, type DependencyAddress, type GradingRuntime, type StartedEnvironment, type StartedService } from '../runtime/runtime.js'
import type { Scenario } from '../scenarios/scenario.js'
import { createBuildDir } from '../workspace/build-dir.js'
import { checkWorkspacePackages } from '../workspace/check-workspace-packages.js'
import { findPlantedDrill } from '../workspace/planted-drill.js'
import { pristineBase } from '../workspace/pristine-base.js'
import { checkoutInputs, pristineInputs } from '../workspace/pristine-inputs.js'
import { pristineService } from '../workspace/pristine-service.js'
import { workingCopyChanges, type WorkingCopyChanges } from '../workspace/working-copy-changes.js'
import type { GradedSource, GradeReport, Problem } from './grade-report.js'

export type GradeStep = 'prepare' | 'build' | 'database' | 'service' | 'tests'

export interface GradeOptions {
  repoRoot: string
  scenario: Scenario
  runtime: GradingRuntime
  /**
   * What to grade: the trainee's working copy (default), the shipped service, it with the
   * reference fix, with a submitted patch (`patch`, paths relative to the service folder), or
   * with a repository patch such as a scenario's alternative or hack (`patch`, paths relative
   * to the repository; only its graded source is applied, the rest is reported as ignored).
   */
  source?: GradedSource
  /** The patch's file, for `source: 'submission'` or `'patch'`. */
  patch?: string
  /**
   * Where the scenario (manifest, hidden tests, reference fix) and the shared packages come
   * from: `base` (default), the commit the checkout started from, so nothing but the graded
   * source can change a verdict; or `checkout`, for proving a scenario while writing it.
   */
  inputs?: 'base' | 'checkout'
  /** Seed for the hidden tests' random data; random by default, printed in the report. */
  seed?: number
  signal?: AbortSignal
  /** Wall-clock limit for the whole check. */
  timeoutMs?: number
  onStep?: (step: GradeStep) => void
  /**
   * A start prepared before the check (see warmStart): used when it fits this check (the same
   * scenario, base commit and runtime), so the check does not wait for what it started. Either
   * way the check owns it from here and stops it when it ends.
   */
  warm?: Promise<WarmStart>
  /**
   * The graded service's type-check and bundle run in a one-off container of the runtime (on
   * Docker: no network, an unprivileged user, none of this process's environment, nothing of
   * the machine mounted but what the build may read), not as this process's user: for grading
   * code of people you do not know. Where it cannot (the runtime has no containers, the host
   * is not Linux on the image's architecture), the build runs here and `notes` says so.
   */
  confinedBuild?: boolean
}

/**
 * What a check starts before it builds anything, started ahead of the check: the hidden tests,
 * the runtime's environment (database server, and on Docker the tests' container) and the
 * services the drill's service calls. None of it depends on the graded source, and none of it
 * is touched before the check that uses it, so a check on a warm start is the check a cold one is.
 */
export interface WarmStart extends AsyncDisposable {
  readonly scenarioId: string
  readonly base: string
  readonly runtime: string
  readonly source: GradedSource
  readonly inputs: 'base' | 'checkout'
  readonly tests: TestBundle
  readonly serviceToken: string
  readonly environment: StartedEnvironment
  readonly dependencies: Promise<Record<string, DependencyAddress>>
}

/** How long a check may take, when the caller does not say. */
export const DEFAULT_TIMEOUT_MS = 180_000
const SERVICE_START_TIMEOUT_MS = 20_000
const TESTS_TIMEOUT_MS = 90_000
const NO_CHANGES: WorkingCopyChanges = { source: [], ignored: [] }

class TimedOut extends Error {}

/** How drill-kit and node:test word a request the service never answered, and a test that ran out of time. */
const SERVICE_TROUBLE = /Is the service still running\?|test timed out after/

/**
 * Grades one scenario: builds the service from pristine files plus the graded source, runs it
 * under the scenario's production-like environment on a fresh migrated database, and runs
 * the hidden tests against it. Everything started is stopped before this returns or throws.
 */
export async function grade(options: GradeOptions): Promise<GradeReport> {
  const { repoRoot, runtime } = options
  let scenario = options.scenario
  const source = options.source ?? 'working-copy'
  const seed = options.seed ?? randomInt(1, 2 ** 31 - 1)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const began = performance.now()
  const timings: GradeReport['timings'] = []
  let changes = NO_CHANGES
  let warmStarted = false
  const notes: string[] = []
  // Kept for the timeout report: a hanging service's log says most about why.
  let runningService: StartedService | undefined

  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new TimedOut()), timeoutMs)
  const forwardAbort = () => controller.abort(options.signal?.reason)
  options.signal?.addEventListener('abort', forwardAbort, { once: true })
  const { signal } = controller

  const report = (verdict: GradeReport['verdict'], tests: TestResult[], problem?: Problem): GradeReport => ({
    scenario: scenario.id,
    service: scenario.service,
    runtime: runtime.name,
    source,
    verdict,
    seed,
    environment: scenario.environment,
    tests,
    ...(problem ? { problem } : {}),
    ...(notes.length ? { notes } : {}),
    changes,
    timings,
    durationMs: Math.round(performance.now() - began),
    ...(warmStarted ? { warmStart: true as const } : {})
  })
  const step = async <T>(name: GradeStep, work: Promise<T> | (() => Promise<T>)): Promise<T> => {
    if (signal.aborted) throw signal.reason
    options.onStep?.(name)
    const at = performance.now()
    try {
      return await (typeof work === 'function' ? work() : work)
    } finally {
      timings.push({ step: name, ms: Math.round(performance.now() - at) })
    }
  }

  try {
    await using cleanup = new CleanupStack()
    // An offered warm start is this check's to stop, used or not, and it goes last.
    const offered = options.warm?.catch(() => undefined)
    cleanup.defer(async () => (await offered)?.[Symbol.asyncDispose]())
    const serviceDir = join(repoRoot, 'services', scenario.service)
    const [pristine, tests, base, warm] = await step('prepare', async () => {
      const { base, editsSince } = await gradingBase(repoRoot, scenario, source)
      if (options.inputs === 'checkout') await checkWorkspacePackages(serviceDir)
      const inputs = options.inputs === 'checkout' ? checkoutInputs(repoRoot, scenario) : await pristineInputs(repoRoot, base, scenario)
      scenario = inputs.scenario
      const [dir, found, ready] = await Promise.all([
        pristineService(repoRoot, base, scenario.service, scenario.bugPatchPath),
        source === 'working-copy' ? workingCopyChanges(repoRoot, editsSince, scenario.service, scenario.id) : NO_CHANGES,
        offered
      ])
      changes = found
      const fits = ready && ready.source === source && ready.inputs === (options.inputs ?? 'base') && ready.scenarioId === scenario.id && ready.base === base && ready.runtime === runtime.name
      const warm = fits ? ready : undefined
      warmStarted = Boolean(warm)
      if (warm) return [{ dir, packageScope: inputs.packageScope }, warm.tests, base, warm] as const
      const bundle = await bundleTests(scenario)
      cleanup.defer(() => bundle[Symbol.asyncDispose]())
      return [{ dir, packageScope: inputs.packageScope }, bundle, base, undefined] as const
    })
    // The database server (and on Docker the tests' container) starts while the service builds.
    const serviceToken = warm?.serviceToken ?? randomBytes(18).toString('base64url')
    const testLaunch = { bundleDir: tests.dir, seed, serviceToken, timeoutMs: TESTS_TIMEOUT_MS }
    let environment: StartedEnvironment
    let dependencies: Promise<Record<string, DependencyAddress>>
    if (warm) ({ environment, dependencies } = warm)
    else {
      const started = await runtime.startEnvironment(testLaunch, signal)
      environment = started
      cleanup.defer(() => started.stop())
      // The services the drill's service calls come up from the base commit while the graded one builds.
      dependencies = startDependencies({ repoRoot, base, scenario, packageScope: pristine.packageScope, runtime, environment, serviceToken, signal, cleanup })
      dependencies.catch(() => undefined) // observed when the service starts
    }
    const buildDir = await createBuildDir({
      repoRoot,
      service: scenario.service,
      pristineDir: pristine.dir,
      packageScope: pristine.packageScope,
      ...(source === 'working-copy' ? { sourceFrom: serviceDir } : {}),
      ...(source === 'reference-fix' ? { repositoryPatch: scenario.fixPatchPath } : {}),
      ...(source === 'submission' ? { patch: submittedPatch(options) } : {}),
      ...(source === 'patch' ? { repositoryPatch: submittedPatch(options) } : {})
    })
    if (source === 'patch' || source === 'reference-fix') changes = { source: [], ignored: buildDir.ignored }
    cleanup.defer(() => buildDir[Symbol.asyncDispose]())

    // The compiler, the database and the bundle start together; the verdict waits for all.
    const stopTypecheck = new AbortController()
    cleanup.defer(async () => stopTypecheck.abort())
    // What the build and the type-check may read, found once for both.
    const roots = await readableRoots({ buildDir: buildDir.path, repoRoot, service: scenario.service })
    const confined = options.confinedBuild ? await confinedBuilder(runtime, notes) : undefined
    // One container type-checks, and bundles too unless the bundle is cached.
    let built: Promise<BuildOutcome> | undefined
    const buildConfined = (bundle?: BuildJob['bundle']) => (built ??= confined!.run({ buildDir: buildDir.path, repoRoot, service: scenario.service, roots, ...(bundle ? { bundle } : {}) }, signal))
    const bundling = bundleService({
      buildDir: buildDir.path,
      sourceRoot: serviceDir,
      mode: runtime.runsInsideCheckout ? 'packages' : 'self-contained',
      repoRoot,
      service: scenario.service,
      roots,
      ...(confined ? { buildInto: async (outDir: string) => (await buildConfined({ outDir, sourceRoot: serviceDir })).bundle as BundleResult } : {})
    })
    const typecheck: Promise<TypecheckResult> = confined
      ? bundling.then(() => buildConfined()).then((outcome) => outcome.typecheck)
      : typecheckService(buildDir.path, `services/${scenario.service}/`, stopTypecheck.signal, roots)
    typecheck.catch(() => undefined) // observed once the service started
    const bundle = await step('build', bundling)
    if (!bundle.ok) {
      return report('error', [], { kind: 'compile', message: 'The service does not compile.', details: bundle.errors })
    }
    // The service's process starts once its database is up and migrated, as a deployment starts
    // it: a service may connect, or read its tables, while it starts. What comes before its
    // process (on Docker its container) starts beside the database, and so does the type-check.
    const migrated = step('database', async () => {
      const database = await environment.database.catch((error: unknown) => {
        throw error instanceof InfrastructureError ? error : new InfrastructureError(`The database did not start: ${(error as Error).message}`)
      })
      await database.ready
      await applyMigrations({ connectionString: database.hostUrl, migrationsDir: join(pristine.dir, 'prisma', 'migrations') }).catch(
        (error: Error) => {
          throw new InfrastructureError(`The pristine migrations of ${scenario.service} did not apply: ${error.message}`)
        }
      )
    })
    const startAfter = migrated.then(() => undefined)
    startAfter.catch(() => undefined) // the migration's own failure is reported below
    const serviceStart = step('service', async () =>
      environment.startService(
        {
          bundleDir: bundle.dir,
          entry: bundle.entry,
          environment: { ...scenario.environment, ...dependencyEnvironment(await dependencies, serviceToken), API_KEYS: `drill-grader:${serviceToken}` },
          startTimeoutMs: SERVICE_START_TIMEOUT_MS,
          startAfter
        },
        signal
      )
    )
    const [migration, started] = await Promise.allSettled([migrated, serviceStart])
    // A database that never came up outranks a service that could not reach it: that is ours, not the trainee's.
    if (migration.status === 'rejected') throw migration.reason
    if (started.status === 'rejected') {
      const error: unknown = started.reason
      if (!(error instanceof ServiceStartError) || signal.aborted) throw error
      const compiled = await typecheck
      if (!compiled.ok) return report('error', [], compileProblem(compiled))
      return report('error', [], { kind: 'service', message: error.message, details: error.logs.slice(-20) })
    }
    const service = started.value
    runningService = service

    const addresses = await dependencies
    const run = await step('tests', () => service.runTests({ ...testLaunch, dependencies: addresses }, signal))
    if (signal.aborted) throw signal.reason
    const results = parseTestOutput(run.stdout)
    const compiled = await typecheck
    // Behaviours of code that does not compile are not results: the compiler's messages are.
    if (!compiled.ok) return report('error', [], compileProblem(compiled))
    if (run.timedOut) {
      return report('fail', results, {
        kind: 'service',
        message: `The hidden tests did not finish within ${TESTS_TIMEOUT_MS / 1000} s and were stopped: the service hangs or answers too slowly.`,
        details: service.logs().slice(-20)
      })
    }
    if (results.length === 0) {
      return report('error', [], {
        kind: 'tests',
        message: 'The hidden tests reported nothing: this is a bug in the grader or the scenario, not in your fix.',
        details: run.stderr.split('\n').filter(Boolean).slice(-20)
      })
    }
    const failing = results.filter((result) => result.status !== 'pass')
    if (failing.some((result) => result.status === 'error')) {
      return report('error', results, {
        kind: 'tests',
        message: 'Some hidden tests could not run to the end.',
        details: service.logs().slice(-20)
      })
    }
    if (failing.some((result) => SERVICE_TROUBLE.test(result.message ?? ''))) {
      return report('fail', results, {
        kind: 'service',
        message: 'The service stopped answering during the tests: it crashed, hung or closed connections.',
        details: service.logs().slice(-20)
      })
    }
    return report(failing.length ? 'fail' : 'pass', results)
  } catch (error) {
    const reason = signal.reason as unknown
    if (reason instanceof TimedOut) {
      return report('error', [], {
        kind: 'timeout',
        message: `The check took longer than ${timeoutMs / 1000} s and was stopped. Does the service hang?`,
        details: runningService?.logs().slice(-20) ?? []
      })
    }
    if (signal.aborted) throw new CancelledError()
    if (error instanceof DrillError && !(error instanceof InfrastructureError)) throw error
    if (error instanceof InfrastructureError) {
      return report('error', [], { kind: 'infrastructure', message: error.message, details: [] })
    }
    throw error
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', forwardAbort)
  }
}

/**
 * Where a check's pristine parts come from (`base`) and what the trainee's edits are measured
 * against (`editsSince`). A drill that plants its bug is graded from the commit before its
 * planting commit, with the edits since that commit; it must have been started here.
 */
async function gradingBase(repoRoot: string, scenario: Scenario, source: GradedSource): Promise<{ base: string; editsSince: string }> {
  if (source === 'working-copy' && scenario.bugPatchPath) {
    const planted = await findPlantedDrill(repoRoot, scenario.id)
    if (!planted) {
      throw new UsageError(
        `${scenario.id} is not started in this checkout, so there is no fix of yours to grade: \`drill start ${scenario.id}\` plants its bug in a branch of its own. (\`drill check ${scenario.id} --shipped\` grades the drill as it ships, bug included.)`
      )
    }
    return { base: planted.base, editsSince: planted.commit }
  }
  const base = await pristineBase(repoRoot)
  return { base, editsSince: base }
}

export interface WarmStartOptions {
  repoRoot: string
  scenario: Scenario
  runtime: GradingRuntime
  /** The check it is for grades this (default: the working copy) from these inputs (default: base); see GradeOptions. */
  source?: GradedSource
  inputs?: 'base' | 'checkout'
  /** Stops the start while it is under way (the warm start itself is stopped by disposing it). */
  signal: AbortSignal
}

/**
 * Starts, ahead of the next check of the trainee's working copy, what that check would start
 * first (see WarmStart); `drill watch` keeps one ready while the trainee edits. Hand it to
 * grade() as `warm`, or dispose it.
 */
export async function warmStart(options: WarmStartOptions): Promise<WarmStart> {
  const { repoRoot, runtime, signal } = options
  const source = options.source ?? 'working-copy'
  const inputs = options.inputs ?? 'base'
  const { base } = await gradingBase(repoRoot, options.scenario, source)
  const { scenario, packageScope } = inputs === 'checkout' ? checkoutInputs(repoRoot, options.scenario) : await pristineInputs(repoRoot, base, options.scenario)
  const cleanup = new CleanupStack()
  try {
    const tests = await bundleTests(scenario)
    cleanup.defer(() => tests[Symbol.asyncDispose]())
    // A key of the coming check's own: the service will accept it, the hidden tests send it.
    const serviceToken = randomBytes(18).toString('base64url')
    // The environment reads only the tests' folder; seed and time limit are the check's, given when the tests run.
    const environment = await runtime.startEnvironment({ bundleDir: tests.dir, seed: 0, serviceToken, timeoutMs: TESTS_TIMEOUT_MS }, signal)
    cleanup.defer(() => environment.stop())
    const dependencies = startDependencies({ repoRoot, base, scenario, packageScope, runtime, environment, serviceToken, signal, cleanup })
    dependencies.catch(() => undefined) // observed by the check that uses it
    // Ready means started: a database that failed to come up fails the warm start, not the check.
    await Promise.all([environment.database.then((database) => database.ready), dependencies])
    const owned = cleanup.move()
    return { scenarioId: scenario.id, base, runtime: runtime.name, source, inputs, tests, serviceToken, environment, dependencies, [Symbol.asyncDispose]: () => owned[Symbol.asyncDispose]() }
  } catch (error) {
    await cleanup[Symbol.asyncDispose]()
    throw error
  }
}

interface DependencyStart {
  repoRoot: string
  base: string
  scenario: Scenario
  packageScope: string
  runtime: GradingRuntime
  environment: StartedEnvironment
  serviceToken: string
  signal: AbortSignal
  cleanup: CleanupStack
}

/**
 * Starts each service of the manifest's `dependsOn` as the base commit has it (never the checkout's), with a
 * migrated database of its own and the check's API key, and answers where each is reached.
 */
async function startDependencies(options: DependencyStart): Promise<Record<string, DependencyAddress>> {
  const { repoRoot, base, scenario, runtime, environment, signal, cleanup } = options
  const started = await Promise.all(
    scenario.dependsOn.map(async (name) => {
      const dir = await pristineService(repoRoot, base, name, undefined)
      const buildDir = await createBuildDir({ repoRoot, service: name, pristineDir: dir, packageScope: options.packageScope })
      cleanup.defer(() => buildDir[Symbol.asyncDispose]())
      const mode = runtime.runsInsideCheckout ? 'packages' : 'self-contained'
      const bundle = await bundleService({ buildDir: buildDir.path, sourceRoot: join(repoRoot, 'services', name), mode, repoRoot, service: name })
      if (!bundle.ok) throw new InfrastructureError(`${name}, which ${scenario.service} calls, does not build from the base commit: ${bundle.errors.slice(0, 3).join(' ')}`)
      const database = await environment.createDatabase(name)
      await applyMigrations({ connectionString: database.hostUrl, migrationsDir: join(dir, 'prisma', 'migrations') })
      const launch = { bundleDir: bundle.dir, entry: bundle.entry, environment: { NODE_ENV: 'production', LOG_LEVEL: 'warn', API_KEYS: `drill-grader:${options.serviceToken}` }, startTimeoutMs: SERVICE_START_TIMEOUT_MS, dependency: name }
      const service = await environment.startService(launch, signal).catch((error: unknown) => {
        if (!(error instanceof ServiceStartError)) throw error
        throw new InfrastructureError(`${error.message} Its last lines: ${error.logs.slice(-5).join(' | ')}`)
      })
      return [name, service.address] as const
    })
  )
  return Object.fromEntries(started)
}

/** How the drill's service finds each service it calls (see dependencyVariables). */
export function dependencyEnvironment(addresses: Record<string, DependencyAddress>, apiKey: string): Record<string, string> {
  return Object.assign({}, ...Object.entries(addresses).map(([name, address]) => dependencyVariables(name, address.url, apiKey))) as Record<string, string>
}

function submittedPatch(options: GradeOptions): string {
  if (!options.patch) throw new DrillError(`A ${options.source} is graded from its patch: pass \`patch\` with \`source: "${options.source}"\`.`)
  return options.patch
}

/** The runtime's confined builds, or undefined with a note on why the build runs on the host. */
async function confinedBuilder(runtime: GradingRuntime, notes: string[]): Promise<GradingRuntime['confinedBuild']> {
  const unavailable = runtime.confinedBuild ? await runtime.confinedBuild.unavailable() : `the ${runtime.name} runtime has no containers`
  if (!unavailable) return runtime.confinedBuild
  notes.push(`The build ran on the host, not in a container: ${unavailable}.`)
  return undefined
}

function compileProblem(result: TypecheckResult): Problem {
  return { kind: 'compile', message: 'The service does not compile.', details: result.messages }
}
