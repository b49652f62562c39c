import { elapsedMs, summarize, type ScenarioProgress } from '../../progress/progress.js'
import { listScenarios } from '../../scenarios/load-scenarios.js'
import { DIFFICULTY_NAMES, PATTERN_NAMES } from '../../scenarios/manifest-schema.js'
import type { CommandContext } from '../command-context.js'
import type { Colors } from '../terminal.js'
import { listRuns } from '../../trainee/run-registry.js'
import { listWatches, type RunningWatch } from '../../trainee/watch-registry.js'
import { readDrillBranch } from '../../workspace/planted-drill.js'
import { readSession } from '../session.js'
import { formatDuration } from '../text.js'

export interface StatusOptions {
  json?: boolean
}

/** Progress over every drill, grouped by the article's bug patterns so the weak ones stand out. */
export async function status(options: StatusOptions, ctx: CommandContext): Promise<number> {
  const [scenarios, { state, active }, watches, runs] = await Promise.all([listScenarios(ctx.repoRoot), readSession(ctx), listWatches(ctx.repoRoot), listRuns(ctx.repoRoot)])
  const summary = summarize(scenarios, state)
  const activeInfo = active ? { scenario: active.scenarioId, startedAt: active.attempt.startedAt, elapsedMs: elapsedMs(active.attempt), hintsUsed: active.attempt.hints.length } : undefined
  // A drill's kind of bug shows once it is solved or given up: before, knowing it is half the hunt.
  const revealed = (scenario: ScenarioProgress) => scenario.solved || scenario.gaveUp > 0
  if (options.json) {
    const patterns = summary.patterns.map((group) => ({ ...group, scenarios: group.scenarios.filter(revealed) })).filter((group) => group.scenarios.length > 0)
    const open = summary.patterns.flatMap((group) => group.scenarios).filter((scenario) => !revealed(scenario)).map(({ bugClass: _class, pattern: _pattern, ...rest }) => rest)
    const watching = watches.map(({ scenario, pid, runtime, warm, idleMinutes, startedAt }) => ({ scenario, pid, runtime, warm, idleMinutes, startedAt }))
    const running = runs.map(({ service, scenario, pid, url, mode, startedAt }) => ({ service, scenario: scenario ?? null, pid, url, runtime: mode, startedAt }))
    ctx.terminal.line(JSON.stringify({ ...summary, patterns, open, active: activeInfo ?? null, watches: watching, runs: running }, null, 2))
    return 0
  }
  const c = ctx.terminal.colors
  ctx.terminal.line(`${c.bold(`${summary.solved} of ${summary.total} drills solved`)} · score ${c.bold(String(summary.score))}`)
  if (activeInfo) {
    const limit = scenarios.find((scenario) => scenario.id === activeInfo.scenario)?.timeLimitMinutes
    ctx.terminal.line(
      `Active: ${c.cyan(activeInfo.scenario)} · ${formatDuration(activeInfo.elapsedMs)} in${limit ? ` of ${limit} min` : ''} · ${activeInfo.hintsUsed} hint${activeInfo.hintsUsed === 1 ? '' : 's'}`
    )
  } else {
    const planted = await readDrillBranch(ctx.repoRoot)
    ctx.terminal.line(c.dim(planted ? `No clock is running. You are on ${planted.branch}: \`drill exit\` takes you back to your branch.` : 'No drill is active.'))
  }
  for (const watch of watches) ctx.terminal.line(c.dim(watchLine(watch)))
  for (const running of runs) ctx.terminal.line(c.dim(`\`drill run\` (process ${running.pid}, ${running.mode}) serves ${running.service} at ${running.url}. \`drill stop\` ends it.`))
  const width = Math.max(...scenarios.map((scenario) => scenario.id.length))
  if (summary.tutorial) {
    ctx.terminal.line()
    ctx.terminal.line(`${c.bold('tutorial'.padEnd(22))} ${summary.tutorial.solved ? c.green('done') : c.dim('not done yet: drill start tutorial')}`)
    ctx.terminal.line(`  ${scenarioLine(summary.tutorial, width, c)}`)
  }
  for (const group of summary.patterns) {
    const shown = group.scenarios.filter(revealed)
    if (!shown.length) continue
    ctx.terminal.line()
    const bar = `${'■'.repeat(group.solved)}${'□'.repeat(shown.length - group.solved)}`
    const tone = group.solved === shown.length ? c.green : group.solved === 0 ? c.red : c.yellow
    ctx.terminal.line(`${c.bold(PATTERN_NAMES[group.pattern].padEnd(22))} ${tone(bar)} ${c.dim(`${group.solved} solved`)}`)
    for (const scenario of shown) ctx.terminal.line(`  ${scenarioLine(scenario, width, c)}`)
  }
  const open = summary.patterns.flatMap((group) => group.scenarios).filter((scenario) => !revealed(scenario))
  if (open.length) {
    ctx.terminal.line()
    ctx.terminal.line(`${c.bold('still to solve'.padEnd(22))} ${c.dim(`${open.length} drill${open.length === 1 ? '' : 's'}; their kind of bug shows once solved or given up`)}`)
    for (const scenario of open.sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id))) ctx.terminal.line(`  ${scenarioLine(scenario, width, c)}`)
  }
  return 0
}

const WARM_WORDS: Record<RunningWatch['warm'], (watch: RunningWatch) => string> = {
  none: () => 'a check is running',
  warming: () => 'starting the database and tests for the next check',
  warm: (watch) => `the next check's database and tests are warm${watch.idleMinutes > 0 ? ` (stopped after ${watch.idleMinutes} min without a save)` : ''}`,
  idle: (watch) => `nothing kept warm: no save for ${watch.idleMinutes} min, so the next save checks from a cold start`
}

function watchLine(watch: RunningWatch): string {
  return `\`drill watch\` (process ${watch.pid}, ${watch.runtime}) checks ${watch.scenario} on every save; ${WARM_WORDS[watch.warm](watch)}. \`drill stop\` ends it.`
}

function scenarioLine(scenario: ScenarioProgress, width: number, c: Colors): string {
  const mark = scenario.solved ? c.green('✓') : scenario.active ? c.cyan('▶') : c.dim('·')
  const facts: string[] = [DIFFICULTY_NAMES[scenario.difficulty]]
  if (scenario.best) {
    facts.push(`best ${formatDuration(scenario.best.elapsedMs)}`, `${scenario.best.hintsUsed} hint${scenario.best.hintsUsed === 1 ? '' : 's'}`, `${scenario.best.score} points`)
  }
  facts.push(`${scenario.attempts} attempt${scenario.attempts === 1 ? '' : 's'}`)
  if (scenario.gaveUp) facts.push(`gave up ${scenario.gaveUp}×`)
  return `${mark} ${scenario.id.padEnd(width)}  ${c.dim(facts.join(' · '))}`
}
