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
// status: a command that only reads progress, for the start-up cost every command pays
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

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

const work = mkdtempSync(join(tmpdir(), 'drill-bench-'))
const checkout = join(work, 'repo')
execFileSync('git', ['clone', '--quiet', repoRoot, checkout])
symlinkSync(join(repoRoot, 'node_modules'), join(checkout, 'node_modules'), 'dir')
const drill = join(repoRoot, 'grader', 'bin', 'drill.js')
const service = execFileSync(process.execPath, [drill, 'list', '--json'], { cwd: checkout, encoding: 'utf8' })
const editTarget = join(checkout, 'services', JSON.parse(service).find((s) => s.id === scenario).service, 'src', 'app.ts')
// A check grades a started drill: plant its bug in the throwaway clone, as a trainee's `drill start` does.
execFileSync(process.execPath, [drill, 'start', scenario, '--yes'], { cwd: checkout, stdio: 'ignore' })

function timed(args, cacheHome) {
  const started = performance.now()
  const run = spawnSync(process.execPath, [drill, ...args], { cwd: checkout, env: { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' }, encoding: 'utf8' })
  const ms = performance.now() - started
  if (run.status === 2 || run.status === null || run.status > 2) throw new Error(`drill ${args.join(' ')} failed (${run.status}):\n${run.stdout}\n${run.stderr}`)
  return ms
}

/** `drill run` until it prints that the service answers; then Ctrl-C and wait for it to stop. */
function timedRun(args, cacheHome) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [drill, ...args], { cwd: checkout, env: { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' } })
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
    child.on('close', (code) => (ms === undefined || code !== 0 ? reject(new Error(`drill ${args.join(' ')} failed (${code}):\n${output}`)) : resolvePromise(ms)))
  })
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  return { median: at(0.5), p95: at(0.95), runs: samples.length }
}

const rows = []
function record(runtime, label, samples) {
  const { median, p95 } = summary(samples)
  rows.push({ runtime, case: label, runs: samples.length, median_ms: Math.round(median), p95_ms: Math.round(p95) })
  console.log(`${runtime.padEnd(9)} ${label.padEnd(22)} median ${(median / 1000).toFixed(2)} s   p95 ${(p95 / 1000).toFixed(2)} s   (${samples.length} runs)`)
}

console.log(`drill bench · scenario ${scenario} · ${cpus().length} cores · node ${process.version}\n`)
try {
  for (const runtime of runtimes) {
    const check = ['check', scenario, '--runtime', runtime]
    const cold = []
    for (let i = 0; i < runs; i++) {
      const cacheHome = mkdtempSync(join(work, 'cache-'))
      rmSync(join(checkout, '.drill'), { recursive: true, force: true })
      cold.push(timed(check, cacheHome))
    }
    record(runtime, 'cold check', cold)

    const cacheHome = join(work, 'warm-cache')
    mkdirSync(cacheHome, { recursive: true })
    timed(check, cacheHome)
    const warm = []
    for (let i = 0; i < runs; i++) warm.push(timed(check, cacheHome))
    record(runtime, 'warm check', warm)

    const edited = []
    for (let i = 0; i < runs; i++) {
      appendFileSync(editTarget, `\n// bench edit ${runtime} ${i}\n`)
      edited.push(timed(check, cacheHome))
    }
    execFileSync('git', ['checkout', '--', '.'], { cwd: checkout })
    record(runtime, 'warm check after edit', edited)

    const serving = []
    for (let i = 0; i < runs; i++) serving.push(await timedRun(['run', scenario, '--port', '3990', ...(runtime === 'docker' ? ['--docker'] : [])], cacheHome))
    record(runtime, 'run until serving', serving)

    const validate = []
    for (let i = 0; i < validateRuns; i++) validate.push(timed(['validate', '--all', '--jobs', '2', '--skip-service-suite', '--runtime', runtime], cacheHome))
    if (validate.length) record(runtime, 'validate --all --jobs 2', validate)
  }
  const status = []
  for (let i = 0; i < runs; i++) status.push(timed(['status'], join(work, 'warm-cache')))
  record('-', 'status', status)
} finally {
  rmSync(work, { recursive: true, force: true })
}

const results = join(import.meta.dirname, 'results')
mkdirSync(results, { recursive: true })
writeFileSync(join(results, 'latest.json'), `${JSON.stringify({ scenario, cores: cpus().length, node: process.version, at: new Date().toISOString(), rows }, null, 2)}\n`)
console.log(`\nWritten to grader/bench/results/latest.json`)
