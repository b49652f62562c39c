// The floor under a check: the pieces no check can do without, measured in the bench's own run
// so a check's figure can be read as a multiple of them and compared across machines.
//
//   node start        `node -e ''`, a bare Node process from spawn to exit
//   service listens   the scenario's service bundled as a check bundles it (pristine, embedded
//                     runtime), started by the embedded runtime against a migrated database:
//                     from spawn until GET /health answers (the runtime's free-port pick included)
//   template clone    CREATE DATABASE … TEMPLATE … of a migrated database on the local PostgreSQL
//                     (one client connection included, as a caller pays it)
//   node:test run     a one-assertion test file run the way a check runs the hidden tests
//                     (node with the grader's JSON reporter)
//   vitest run        a one-assertion test file in a temporary folder, through the repository's
//                     vitest (the runner of the services' own suites)
//
// Everything is reused from the grader's build (grader/dist), so the floor moves when the grader does.
import { spawn } from 'node:child_process'
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startLocalPostgres } from '@debug-drills/local-postgres'
import { applyMigrations } from '@debug-drills/prisma-offline'
import { bundleService } from '../dist/build/bundle-service.js'
import { REPORTER_FILE, TESTS_FILE, testCommand } from '../dist/hidden-tests/bundle-tests.js'
import { EmbeddedRuntime } from '../dist/runtime/embedded-runtime.js'
import { findScenario } from '../dist/scenarios/load-scenarios.js'
import { createBuildDir } from '../dist/workspace/build-dir.js'
import { pristineBase } from '../dist/workspace/pristine-base.js'
import { pristineInputs } from '../dist/workspace/pristine-inputs.js'
import { pristineService } from '../dist/workspace/pristine-service.js'

export const FLOOR_PIECES = {
  node: "node -e ''",
  service: 'service listens',
  clone: 'template clone',
  nodeTest: 'node:test run',
  vitest: 'vitest run'
}

/**
 * Spawns a process, resolves with its wall-clock milliseconds from spawn to exit; rejects unless it
 * exits with 0. `children` holds it while it runs, so the bench can stop it on Ctrl-C; `onSpawn`
 * is given it as soon as it runs.
 */
export function timedProcess(command, args, options, children, onSpawn) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    children.add(child)
    onSpawn?.(child)
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => {
      children.delete(child)
      reject(error)
    })
    child.on('close', (code, signal) => {
      const ms = performance.now() - started
      children.delete(child)
      if (code === 0) resolve({ ms, output })
      else reject(Object.assign(new Error(`${[command, ...args].join(' ')} failed (${signal ?? code}):\n${output}`), { code, ms, output }))
    })
  })
}

/**
 * Measures every floor piece `runs` times after one untimed round, one round of all pieces after
 * another, so sample i of each piece comes from the same moment of the run.
 * `cleanup` (a CleanupStack) receives every stop, so Ctrl-C stops what is running.
 */
export async function measureFloors({ repoRoot, checkout, scenario: id, runs, work, children, cleanup, signal }) {
  // What a check of the scenario builds: the pristine service at the base commit, bundled for the embedded runtime.
  const scenario = await findScenario(checkout, id)
  const base = await pristineBase(checkout)
  const inputs = await pristineInputs(checkout, base, scenario)
  const pristineDir = await pristineService(checkout, base, scenario.service, inputs.scenario.bugPatchPath)
  const buildDir = await createBuildDir({ repoRoot: checkout, service: scenario.service, pristineDir, packageScope: inputs.packageScope })
  cleanup.defer(() => buildDir[Symbol.asyncDispose]())
  const bundle = await bundleService({ buildDir: buildDir.path, sourceRoot: join(checkout, 'services', scenario.service), mode: 'packages', repoRoot: checkout, service: scenario.service })
  if (!bundle.ok) throw new Error(`The pristine ${scenario.service} service does not bundle:\n${bundle.errors.join('\n')}`)
  const migrationsDir = join(pristineDir, 'prisma', 'migrations')

  // One server for the clones: a migrated database, cloned once per sample.
  const postgres = await startLocalPostgres()
  cleanup.defer(() => postgres.stop())
  const template = 'floor_template'
  await applyMigrations({ connectionString: await postgres.createDatabase(template), migrationsDir })

  // A one-assertion test file for each runner, in folders of their own.
  const nodeTestDir = join(work, 'floor-node-test')
  await mkdir(nodeTestDir, { recursive: true })
  await writeFile(join(nodeTestDir, TESTS_FILE), "import { test } from 'node:test'\nimport assert from 'node:assert/strict'\n\ntest('one', () => assert.equal(1 + 1, 2))\n")
  await copyFile(join(repoRoot, 'grader', 'assets', REPORTER_FILE), join(nodeTestDir, REPORTER_FILE))
  const vitestDir = join(work, 'floor-vitest')
  await mkdir(vitestDir, { recursive: true })
  await writeFile(join(vitestDir, 'one.test.mjs'), "test('one', () => {\n  expect(1 + 1).toBe(2)\n})\n")
  const vitest = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs')
  const quiet = { ...process.env, CI: 'true', NO_COLOR: '1' }

  const runtime = new EmbeddedRuntime()
  const serviceStart = async () => {
    // A fresh server and database per sample, as a check has; only spawn-to-health is timed.
    const environment = await runtime.startEnvironment({ bundleDir: nodeTestDir, seed: 1, serviceToken: 'bench', timeoutMs: 10_000 }, signal)
    cleanup.defer(() => environment.stop())
    try {
      const database = await environment.database
      await applyMigrations({ connectionString: database.hostUrl, migrationsDir })
      const started = performance.now()
      await environment.startService(
        { bundleDir: bundle.dir, entry: bundle.entry, environment: { ...inputs.scenario.environment, API_KEYS: 'drill-bench:bench' }, startTimeoutMs: 20_000 },
        signal
      )
      return performance.now() - started
    } finally {
      await environment.stop()
    }
  }
  let clones = 0
  const pieces = {
    node: async () => (await timedProcess(process.execPath, ['-e', ''], {}, children)).ms,
    service: serviceStart,
    clone: async () => {
      const started = performance.now()
      await postgres.createDatabase(`floor_clone_${clones++}`, { template })
      return performance.now() - started
    },
    nodeTest: async () => (await timedProcess(process.execPath, testCommand(nodeTestDir), { cwd: nodeTestDir, env: quiet }, children)).ms,
    vitest: async () => (await timedProcess(process.execPath, [vitest, 'run', '--globals', '--reporter=dot'], { cwd: vitestDir, env: quiet }, children)).ms
  }

  const samples = Object.fromEntries(Object.keys(pieces).map((piece) => [piece, []]))
  for (let round = -1; round < runs; round++) {
    for (const [piece, measure] of Object.entries(pieces)) {
      if (signal.aborted) throw signal.reason
      const ms = await measure()
      if (round >= 0) samples[piece].push(ms)
    }
  }
  await postgres.stop()
  return samples
}
