// Grading speed, measured the way a trainee waits for it: each sample is a fresh `drill`
// process, wall clock, in a throwaway clone of this repository.
//
//   npm run bench                      # 5 samples per check case, 2 per validate --all
//   npm run bench -- --runs 10 --validate-runs 3 --runtimes embedded
//
// cold:  no grader caches at all (no initdb'd cluster, no pristine copy, no bundles); Docker images present
// warm:  caches filled by earlier checks, source unchanged since the last check
// edit:  caches filled, but a source file changed since the last check (the usual case while fixing)
// run:   `drill run` from the command to the banner that says the service answers (warm caches)
// watch: under `drill watch`, from a save (a source file changed) to the next verdict, the trainee
//        having spent a few seconds editing since the last one (the time watch has to warm up)
// status: a command that only reads progress, for the start-up cost every command pays
//
// cpu:   for the checks after an edit, the CPU time the check used, by what used it (the grader,
//        the service, the hidden tests, the type-check, PostgreSQL, esbuild), and the whole
//        machine's CPU time over the check (containers included), less the bench's own. Linux only.
//
// floor: in the same run and over the same number of runs, the pieces a check cannot do without
// (see floors.mjs): a bare node start, the service bundle starting to listen, a PostgreSQL template
// clone, a trivial node:test and vitest run. Each case is also given as a multiple of its floor
// sum (median over median), which compares across machines better than seconds do.
// Everything the bench starts is stopped when it ends, fails or is interrupted (Ctrl-C).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CleanupStack } from '../dist/lifecycle/cleanup-stack.js'
import { cpuSamplingWorks, sampleCpu } from './cpu-sampler.mjs'
import { FLOOR_PIECES, measureFloors, timedProcess } from './floors.mjs'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'validate-runs': { type: 'string', default: '2' },
    runtimes: { type: 'string', default: 'embedded,docker' },
    scenario: { type: 'string', default: 'catalog-sold-out-stock' }
  }
})
const runs = Number(values.runs)
const validateRuns = Number(values['validate-runs'])
const scenario = values.scenario
const repoRoot = resolve(import.meta.dirname, '..', '..')
const runtimes = values.runtimes.split(',').filter((runtime) => runtime !== 'docker' || spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0)

// Ctrl-C (or SIGTERM, or a closed terminal): stop the running drill once, let it clean up, then remove
// the floor's databases and processes and the throwaway clone. A second signal exits at once; the
// exit handlers of the embedded runtime and local-postgres still kill what they started.
const children = new Set()
const cleanup = new CleanupStack()
const controller = new AbortController()
function onSignal(name) {
  if (controller.signal.aborted) process.exit(130)
  console.error(`\n${name}: stopping what the bench started…`)
  controller.abort(new Error(`interrupted by ${name}`))
  for (const child of children) child.kill('SIGINT')
}
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(name, onSignal)

const work = mkdtempSync(join(tmpdir(), 'drill-bench-'))
const checkout = join(work, 'repo')
const drill = join(repoRoot, 'grader', 'bin', 'drill.js')
// The floor's PostgreSQL cluster is cached in the bench's own folder, not the user's cache.
process.env.XDG_CACHE_HOME = join(work, 'floor-cache')

// Each drill runs in a process group of its own, so one Ctrl-C reaches it once, from here (a second
// one would make it exit without its graceful clean-up).
const drillOptions = (cacheHome) => ({ cwd: checkout, detached: true, env: { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' } })

async function timed(args, cacheHome, onSpawn) {
  if (controller.signal.aborted) throw controller.signal.reason
  try {
    return (await timedProcess(process.execPath, [drill, ...args], drillOptions(cacheHome), children, onSpawn)).ms
  } catch (error) {
    // 1 is a failing verdict, which is still a timed check; 2 and above are the grader's own failures.
    if (error.code === 1 && !controller.signal.aborted) return error.ms
    throw controller.signal.aborted ? controller.signal.reason : error
  }
}

/** `drill run` until it prints that the service answers; then Ctrl-C and wait for it to stop. */
function timedRun(args, cacheHome) {
  return new Promise((resolvePromise, reject) => {
    if (controller.signal.aborted) return reject(controller.signal.reason)
    const started = performance.now()
    const child = spawn(process.execPath, [drill, ...args], drillOptions(cacheHome))
    children.add(child)
    let output = ''
    let ms
    const onData = (chunk) => {
      output += chunk
      if (ms === undefined && / is running/.test(output)) {
        ms = performance.now() - started
        child.kill('SIGINT')
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('close', (code) => {
      children.delete(child)
      if (controller.signal.aborted) reject(controller.signal.reason)
      else if (ms === undefined || code !== 0) reject(new Error(`drill ${args.join(' ')} failed (${code}):\n${output}`))
      else resolvePromise(ms)
    })
  })
}

/**
 * Under one `drill watch`: after its first verdict, `runs` times wait `editMs` (the trainee
 * editing), change `editTarget` and time until the next verdict; then Ctrl-C and wait for it to stop.
 */
function timedWatch(args, cacheHome, { runs, editTarget, editMs }) {
  return new Promise((resolvePromise, reject) => {
    if (controller.signal.aborted) return reject(controller.signal.reason)
    const child = spawn(process.execPath, [drill, ...args], drillOptions(cacheHome))
    children.add(child)
    const verdict = /Watching services\/[^ ]+: save a file to check again/g
    const samples = []
    let output = ''
    let seen = 0
    let savedAt
    const edit = (i) =>
      setTimeout(() => {
        if (controller.signal.aborted) return
        appendFileSync(editTarget, `\n// bench watch edit ${i}\n`)
        savedAt = performance.now()
      }, editMs)
    const onData = (chunk) => {
      output += chunk
      const verdicts = output.match(verdict)?.length ?? 0
      if (verdicts === seen) return
      seen = verdicts
      if (savedAt !== undefined) samples.push(performance.now() - savedAt)
      savedAt = undefined
      if (samples.length === runs) child.kill('SIGINT')
      else edit(samples.length)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('close', (code) => {
      children.delete(child)
      if (controller.signal.aborted) reject(controller.signal.reason)
      else if (samples.length < runs) reject(new Error(`drill ${args.join(' ')} ended after ${samples.length} of ${runs} verdicts (${code}):\n${output.slice(-2000)}`))
      else resolvePromise(samples)
    })
  })
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  return { median: at(0.5), p95: at(0.95), runs: samples.length }
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
const rows = []
function record(runtime, label, samples, floor) {
  const { median, p95 } = summary(samples)
  const row = { runtime, case: label, runs: samples.length, median_ms: Math.round(median), p95_ms: Math.round(p95) }
  if (floor) Object.assign(row, { floor: floor.name, floor_median_ms: Math.round(floor.median), times_floor: Number((median / floor.median).toFixed(2)) })
  rows.push(row)
  const times = row.times_floor === undefined ? '' : `   ${row.times_floor.toFixed(1)}× ${floor.name}`
  console.log(`${runtime.padEnd(9)} ${label.padEnd(24)} median ${seconds(median)}   p95 ${seconds(p95)}   (${samples.length} runs)${times}`)
}

/** CPU milliseconds the whole machine has spent since boot (all cores, idle and I/O wait excluded). */
function machineCpuMs() {
  const fields = readFileSync('/proc/stat', 'latin1').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  const [user, nice, system, , , irq, softirq, steal] = fields
  return ((user + nice + system + irq + softirq + steal) * 1000) / 100
}

const cpuRows = []
/** The median CPU milliseconds per check of each kind of process, over the checks sampled. */
function recordCpu(runtime, samples) {
  const kinds = [...new Set(samples.flatMap((sample) => Object.keys(sample)))].filter((kind) => kind !== 'machine')
  const median = (values) => summary(values).median
  const rows = kinds.map((kind) => ({ kind, ms: median(samples.map((sample) => sample[kind] ?? 0)) })).sort((a, b) => b.ms - a.ms)
  const total = median(samples.map((sample) => kinds.reduce((sum, kind) => sum + (sample[kind] ?? 0), 0)))
  const machine = median(samples.map((sample) => sample.machine))
  cpuRows.push({ runtime, rows, total, machine, runs: samples.length })
  console.log(`${runtime.padEnd(9)} CPU per check after edit: ${rows.map((row) => `${row.kind} ${seconds(row.ms)}`).join(', ')}; the check's processes ${seconds(total)}, the whole machine ${seconds(machine)}`)
}

/** Sample i of a sum is the sum of sample i of its pieces: they were measured in the same round. */
const sumOf = (samples, pieces) => samples[pieces[0]].map((_, i) => pieces.reduce((total, piece) => total + samples[piece][i], 0))

// What each case cannot do without. A check is a process that starts its service on a fresh
// database and runs tests; `drill run` starts the service on a fresh database; `status` is a process.
const FLOORS = {
  check: { name: 'check floor', pieces: ['node', 'service', 'clone', 'nodeTest'] },
  run: { name: 'run floor', pieces: ['node', 'service', 'clone'] },
  status: { name: 'node start', pieces: ['node'] }
}

console.log(`drill bench · scenario ${scenario} · ${cpus().length} cores · node ${process.version}\n`)
let floorOf = {}
try {
  execFileSync('git', ['clone', '--quiet', repoRoot, checkout])
  symlinkSync(join(repoRoot, 'node_modules'), join(checkout, 'node_modules'), 'dir')
  const service = execFileSync(process.execPath, [drill, 'list', '--json'], { cwd: checkout, encoding: 'utf8' })
  const editTarget = join(checkout, 'services', JSON.parse(service).find((s) => s.id === scenario).service, 'src', 'app.ts')
  // A check grades a started drill: plant its bug in the throwaway clone, as a trainee's `drill start` does.
  execFileSync(process.execPath, [drill, 'start', scenario, '--yes'], { cwd: checkout, stdio: 'ignore' })

  const floorSamples = await measureFloors({ repoRoot, checkout, scenario, runs, work, children, cleanup, signal: controller.signal })
  for (const [piece, label] of Object.entries(FLOOR_PIECES)) record('floor', label, floorSamples[piece])
  for (const [kind, { name, pieces }] of Object.entries(FLOORS)) {
    if (pieces.length > 1) record('floor', `${name} (sum)`, sumOf(floorSamples, pieces))
    floorOf[kind] = { name, median: summary(sumOf(floorSamples, pieces)).median }
  }
  console.log()

  for (const runtime of runtimes) {
    const check = ['check', scenario, '--runtime', runtime]
    const cold = []
    for (let i = 0; i < runs; i++) {
      const cacheHome = mkdtempSync(join(work, 'cache-'))
      rmSync(join(checkout, '.drill'), { recursive: true, force: true })
      cold.push(await timed(check, cacheHome))
    }
    record(runtime, 'cold check', cold, floorOf.check)

    const cacheHome = join(work, 'warm-cache')
    mkdirSync(cacheHome, { recursive: true })
    await timed(check, cacheHome)
    const warm = []
    for (let i = 0; i < runs; i++) warm.push(await timed(check, cacheHome))
    record(runtime, 'warm check', warm, floorOf.check)

    const edited = []
    const cpu = []
    for (let i = 0; i < runs; i++) {
      appendFileSync(editTarget, `\n// bench edit ${runtime} ${i}\n`)
      let sampler
      const machineBefore = machineCpuMs()
      const benchBefore = process.cpuUsage()
      edited.push(await timed(check, cacheHome, (child) => (sampler = cpuSamplingWorks ? sampleCpu(child.pid) : undefined)))
      if (sampler) {
        const byKind = sampler.stop()
        // The machine's CPU over the check, less the bench's own (the sampler polling /proc is most of it).
        const bench = process.cpuUsage(benchBefore)
        cpu.push({ ...byKind, machine: machineCpuMs() - machineBefore - (bench.user + bench.system) / 1000 })
      }
    }
    execFileSync('git', ['checkout', '--', '.'], { cwd: checkout })
    record(runtime, 'warm check after edit', edited, floorOf.check)
    if (cpu.length) recordCpu(runtime, cpu)

    const watched = await timedWatch(['watch', scenario, '--runtime', runtime], cacheHome, { runs, editTarget, editMs: 3_000 })
    execFileSync('git', ['checkout', '--', '.'], { cwd: checkout })
    record(runtime, 'watch: save to verdict', watched, floorOf.check)

    const serving = []
    for (let i = 0; i < runs; i++) serving.push(await timedRun(['run', scenario, '--port', '3990', ...(runtime === 'docker' ? ['--docker'] : [])], cacheHome))
    record(runtime, 'run until serving', serving, floorOf.run)

    const validate = []
    for (let i = 0; i < validateRuns; i++) validate.push(await timed(['validate', '--all', '--jobs', '2', '--skip-service-suite', '--runtime', runtime], cacheHome))
    if (validate.length) record(runtime, 'validate --all --jobs 2', validate)
  }
  const status = []
  for (let i = 0; i < runs; i++) status.push(await timed(['status'], join(work, 'warm-cache')))
  record('-', 'status', status, floorOf.status)
} catch (error) {
  if (!controller.signal.aborted) throw error
} finally {
  await cleanup[Symbol.asyncDispose]().catch((error) => console.error(`Clean-up: ${error.message}`))
  rmSync(work, { recursive: true, force: true })
}
if (controller.signal.aborted) {
  console.error('Interrupted; everything the bench started has been stopped.')
  process.exit(130)
}

// The README's table: the same rows, with each case's multiple of its floor.
const cell = (row) => (row.times_floor === undefined ? '–' : `${row.times_floor.toFixed(1)}× ${row.floor}`)
console.log('\n| runtime | case | median | p95 | runs | × floor |\n| --- | --- | --- | --- | --- | --- |')
for (const row of rows) console.log(`| ${row.runtime === '-' ? '–' : row.runtime} | ${row.case} | ${seconds(row.median_ms)} | ${seconds(row.p95_ms)} | ${row.runs} | ${cell(row)} |`)
console.log(
  `\n× floor: the case's median divided by the median of its floor sum, measured in this run (sample i of a sum adds up round i of its pieces).` +
    `\ncheck floor = ${FLOORS.check.pieces.map((piece) => FLOOR_PIECES[piece]).join(' + ')}; run floor = ${FLOORS.run.pieces.map((piece) => FLOOR_PIECES[piece]).join(' + ')}; status: node start.` +
    `\nThe hidden tests run on node:test, so the check floor has the node:test run; the vitest run is shown for comparison only.` +
    `\nDocker cases are divided by the same (embedded) floor, so their multiple includes what containers add.`
)

for (const { runtime, rows: kinds, total, machine, runs: sampled } of cpuRows) {
  console.log(`\nCPU per check after edit, ${runtime} (median of ${sampled} checks):\n| process | CPU |\n| --- | --- |`)
  for (const row of kinds) console.log(`| ${row.kind} | ${seconds(row.ms)} |`)
  console.log(`| the check's processes | ${seconds(total)} |\n| the whole machine over the check | ${seconds(machine)} |`)
}

const results = join(import.meta.dirname, 'results')
mkdirSync(results, { recursive: true })
writeFileSync(join(results, 'latest.json'), `${JSON.stringify({ scenario, cores: cpus().length, node: process.version, at: new Date().toISOString(), floors: floorOf, rows, cpu: cpuRows }, null, 2)}\n`)
console.log(`\nWritten to grader/bench/results/latest.json`)
