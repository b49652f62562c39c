// Workshop load: simulated trainees send submissions to a real `drill serve` (embedded
// PostgreSQL, pg-boss queue, HTTP API with its diff checks), and `drill worker` processes
// grade them on the docker runtime. Reports how long the queue takes to drain with one and
// with two workers, and the delay from a verdict being written to the board showing it.
//
//   npm run bench:workshop                                  # 50 trainees, 100 submissions, 1 and 2 workers
//   npm run bench:workshop -- --trainees 10 --submissions 20 --workers 1
//
// Half the submissions are reference fixes (they pass), half are harmless edits (they fail):
// both are graded in full. Needs the grader and the workshop built (`npm run build`) and a Docker daemon.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, appendFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { listScenarios, relativePatch, serverSentEvents } from '@debug-drills/grader'

const { values } = parseArgs({
  options: {
    trainees: { type: 'string', default: '50' },
    submissions: { type: 'string', default: '100' },
    workers: { type: 'string', default: '1,2' },
    runtime: { type: 'string', default: 'docker' }
  }
})
const trainees = Number(values.trainees)
const submissions = Number(values.submissions)
const workerCounts = values.workers.split(',').map(Number)
const repoRoot = resolve(import.meta.dirname, '..', '..')
const drill = join(repoRoot, 'grader', 'bin', 'drill.js')
if (values.runtime === 'docker' && spawnSync('docker', ['info'], { stdio: 'ignore' }).status !== 0) {
  console.error('No Docker daemon answers: the workshop grades on the docker runtime. Start Docker, or pass --runtime embedded.')
  process.exit(2)
}
const { startWorkshopServer } = await import('../dist/index.js')

const scenarios = await listScenarios(repoRoot)

// A failing submission per service: the shipped code with a comment added, as `drill submit` would diff it.
const work = mkdtempSync(join(tmpdir(), 'drill-load-'))
chmodSync(work, 0o755)
const checkout = join(work, 'repo')
execFileSync('git', ['clone', '--quiet', repoRoot, checkout])
symlinkSync(join(repoRoot, 'node_modules'), join(checkout, 'node_modules'), 'dir')
const harmless = new Map()
for (const { service } of scenarios) {
  const file = join(checkout, 'services', service, 'src', 'app.ts')
  appendFileSync(file, '\n// reviewed\n')
  harmless.set(service, execFileSync('git', ['diff', `--relative=services/${service}/`], { cwd: checkout, encoding: 'utf8' }))
}
const fixes = new Map(scenarios.map((scenario) => [scenario.id, relativePatch(readFileSync(join(repoRoot, 'scenarios', scenario.id, 'fix.patch'), 'utf8'), `services/${scenario.service}`)]))

const percentile = (samples, p) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

async function api(url, method, path, { token, body } = {}) {
  const response = await fetch(new URL(path, url), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {})
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.error}`)
  return json
}

/** Follows the public board's event stream; records how long after each new verdict it arrives. */
function watchBoard(url, workshopId, delays) {
  const controller = new AbortController()
  let lastSeen = null
  ;(async () => {
    const response = await fetch(new URL(`/api/boards/${workshopId}/events`, url), { signal: controller.signal })
    for await (const { data } of serverSentEvents(response.body)) {
      const board = JSON.parse(data)
      if (board.lastVerdictAt && board.lastVerdictAt !== lastSeen) {
        lastSeen = board.lastVerdictAt
        delays.push(Date.now() - Date.parse(board.lastVerdictAt))
      }
    }
  })().catch(() => undefined)
  return () => controller.abort()
}

async function drainWith(workerCount) {
  const stateDir = mkdtempSync(join(work, 'serve-'))
  chmodSync(stateDir, 0o755)
  const server = await startWorkshopServer({ repoRoot, stateDir, port: 0, workers: 0, submissionsPerMinute: 600, timing: { maintenanceIntervalSeconds: 10 } })
  const workers = []
  const database = new pg.Client({ connectionString: server.databaseUrl })
  await database.connect()
  try {
    const token = server.facilitatorToken
    const workshop = await api(server.url, 'POST', '/api/workshops', { token, body: { title: 'Load', scenarios: scenarios.map((s) => s.id), durationMinutes: 600 } })
    await api(server.url, 'POST', `/api/workshops/${workshop.id}/start`, { token })
    const people = []
    for (let index = 0; index < trainees; index++) {
      people.push((await api(server.url, 'POST', '/api/join', { body: { code: workshop.joinCode, name: `trainee-${index}` } })).token)
    }
    const delays = []
    const stopWatching = watchBoard(server.url, workshop.id, delays)

    // Every submission is in the queue before the first worker starts: the drain is pure grading.
    const plan = Array.from({ length: submissions }, (_, index) => {
      const who = index % trainees
      const scenario = scenarios[(who + Math.floor(index / trainees)) % scenarios.length]
      return { token: people[who], scenario: scenario.id, diff: index % 2 === 0 ? fixes.get(scenario.id) : harmless.get(scenario.service) }
    })
    const submitStarted = performance.now()
    for (let next = 0; next < plan.length; next += 10) {
      await Promise.all(plan.slice(next, next + 10).map((item) => api(server.url, 'POST', '/api/submissions', { token: item.token, body: { scenario: item.scenario, diff: item.diff } })))
    }
    const submitMs = performance.now() - submitStarted

    const started = performance.now()
    for (let index = 0; index < workerCount; index++) {
      workers.push(
        spawn(process.execPath, [drill, 'worker', '--database-url', server.databaseUrl, '--runtime', values.runtime, '--name', `load-${index + 1}`], {
          cwd: repoRoot,
          env: { ...process.env, NO_COLOR: '1' },
          stdio: 'ignore'
        })
      )
    }
    for (;;) {
      const { rows } = await database.query("SELECT count(*)::int AS done FROM submissions WHERE status IN ('passed', 'failed', 'error')")
      if (rows[0].done >= plan.length) break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const drainMs = performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 500))
    stopWatching()
    const { rows: outcome } = await database.query('SELECT status, count(*)::int AS n, max(attempts) AS most FROM submissions GROUP BY status ORDER BY status')
    const { rows: gradeMs } = await database.query("SELECT (report->>'durationMs')::int AS ms FROM submissions")
    return { workerCount, submitMs, drainMs, delays, outcome, gradeMs: gradeMs.map((row) => row.ms) }
  } finally {
    for (const child of workers) child.kill('SIGINT')
    await Promise.all(workers.map((child) => new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()))))
    await database.end()
    await server.stop()
  }
}

console.log(`Workshop load: ${trainees} trainees, ${submissions} submissions, ${values.runtime} runtime, ${cpus().length} cores, Node ${process.versions.node}\n`)
const results = []
try {
  for (const count of workerCounts) {
    const result = await drainWith(count)
    results.push(result)
    console.log(`${count} worker(s): drained in ${(result.drainMs / 1000).toFixed(1)} s; ${result.outcome.map((row) => `${row.n} ${row.status}`).join(', ')}; most attempts ${Math.max(...result.outcome.map((row) => row.most))}`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
console.log(`\n| workers | queue drained | throughput | one grading (median) | accepting ${submissions} submissions | verdict → board (median / p95) |`)
console.log('| --- | --- | --- | --- | --- | --- |')
for (const result of results) {
  console.log(
    `| ${result.workerCount} | ${(result.drainMs / 1000).toFixed(1)} s | ${((submissions / result.drainMs) * 60_000).toFixed(1)} /min | ${(percentile(result.gradeMs, 50) / 1000).toFixed(2)} s | ${(result.submitMs / 1000).toFixed(2)} s | ${percentile(result.delays, 50).toFixed(0)} / ${percentile(result.delays, 95).toFixed(0)} ms |`
  )
}
