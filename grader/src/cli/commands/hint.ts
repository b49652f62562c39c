import { activeDrill, elapsedMs } from '../../progress/progress.js'
import { hintCost } from '../../progress/scoring.js'
import { updateState } from '../../progress/state-file.js'
import { findScenario } from '../../scenarios/load-scenarios.js'
import { api } from '@debug-drills/workshop-contract'
import type { CommandContext } from '../command-context.js'
import { NoActiveDrillError, readSession } from '../session.js'
import { formatDuration } from '../text.js'
import { readJoinedWorkshop, workshopApi, type JoinedWorkshop } from '../workshop-client.js'

export interface HintOptions {
  json?: boolean
}

type HintOutcome =
  | { kind: 'shown'; index: number; elapsedMs: number }
  | { kind: 'gated'; index: number; elapsedMs: number; opensAtMs: number }
  | { kind: 'exhausted' }

/**
 * Shows the active drill's next hint and records it, with its cost. Exit code 0 when a hint
 * was shown, 1 when the next one is not open yet or all have been shown.
 */
export async function hint(options: HintOptions, ctx: CommandContext): Promise<number> {
  const { path, active } = await readSession(ctx)
  if (!active) throw new NoActiveDrillError('hint')
  const scenario = await findScenario(ctx.repoRoot, active.scenarioId)
  const joined = await readJoinedWorkshop(ctx.repoRoot)
  if (joined?.scenarios.includes(scenario.id)) return workshopHint(joined, scenario.id, options, ctx)
  const now = Date.now()
  // Decided under the lock: two `drill hint`s at once still show two different hints.
  const outcome = await updateState(path, (state): HintOutcome => {
    const current = activeDrill(state)
    if (!current) throw new NoActiveDrillError('hint')
    const index = current.attempt.hints.length
    const next = scenario.hints[index]
    if (!next) return { kind: 'exhausted' }
    const elapsed = elapsedMs(current.attempt, now)
    const opensAtMs = next.availableAfterMinutes * 60_000
    if (elapsed < opensAtMs) return { kind: 'gated', index, elapsedMs: elapsed, opensAtMs }
    current.attempt.hints.push({ index, at: new Date(now).toISOString() })
    return { kind: 'shown', index, elapsedMs: elapsed }
  })
  const total = scenario.hints.length
  const c = ctx.terminal.colors
  if (options.json) {
    const shown = outcome.kind === 'shown' ? { index: outcome.index, text: scenario.hints[outcome.index]?.text, cost: hintCost(scenario, outcome.index) } : undefined
    ctx.terminal.line(
      JSON.stringify({ scenario: scenario.id, outcome: outcome.kind, ...(shown ? { hint: shown } : {}), ...(outcome.kind === 'gated' ? { opensInMs: outcome.opensAtMs - outcome.elapsedMs } : {}) }, null, 2)
    )
    return outcome.kind === 'shown' ? 0 : 1
  }
  if (outcome.kind === 'exhausted') {
    ctx.terminal.line(`You have seen all ${total} hints for ${scenario.id}. Here they are again:`)
    scenario.hints.forEach((shown, index) => ctx.terminal.line(`\n${c.bold(`Hint ${index + 1} of ${total}`)}\n${shown.text}`))
    ctx.terminal.line(`\nStill stuck? ${c.cyan('drill giveup')} shows the reference fix and the explanation.`)
    return 1
  }
  if (outcome.kind === 'gated') {
    ctx.terminal.line(
      `Hint ${outcome.index + 1} of ${total} opens ${formatDuration(outcome.opensAtMs)} into the drill; you are ${formatDuration(outcome.elapsedMs)} in, so it opens in ${formatDuration(outcome.opensAtMs - outcome.elapsedMs + 999)}. Meanwhile: reproduce the symptom (\`drill repro\`) and inspect the values on its path.`
    )
    return 1
  }
  const text = scenario.hints[outcome.index]?.text ?? ''
  ctx.terminal.line(`${c.bold(`Hint ${outcome.index + 1} of ${total}`)} ${c.dim(`(−${hintCost(scenario, outcome.index)} points, ${formatDuration(outcome.elapsedMs)} in)`)}`)
  ctx.terminal.line(text)
  return 0
}

/** In a workshop the server serves hints, on its clock, and records them against the board. */
async function workshopHint(joined: JoinedWorkshop, scenarioId: string, options: HintOptions, ctx: CommandContext): Promise<number> {
  const answer = await workshopApi(joined.url, api.hint.url, api.hint.response[200], { method: 'POST', token: joined.token, body: { scenario: scenarioId }, signal: ctx.signal })
  if (options.json) {
    ctx.terminal.line(JSON.stringify({ scenario: scenarioId, workshop: joined.title, ...answer }, null, 2))
    return answer.outcome === 'shown' ? 0 : 1
  }
  const c = ctx.terminal.colors
  if (answer.outcome === 'exhausted') {
    ctx.terminal.line(`You have seen all ${answer.total} hints for ${scenarioId}. Here they are again:`)
    answer.hints.forEach((text, index) => ctx.terminal.line(`\n${c.bold(`Hint ${index + 1} of ${answer.total}`)}\n${text}`))
    return 1
  }
  if (answer.outcome === 'gated') {
    ctx.terminal.line(
      `Hint ${answer.index + 1} of ${answer.total} opens in ${formatDuration(answer.opensInMs + 999)} on the workshop clock (${formatDuration(answer.elapsedMs)} in). Meanwhile: reproduce the symptom (\`drill repro\`) and inspect the values on its path.`
    )
    return 1
  }
  ctx.terminal.line(`${c.bold(`Hint ${answer.index + 1} of ${answer.total}`)} ${c.dim(`(−${answer.cost} points on the board, ${formatDuration(answer.elapsedMs)} into "${joined.title}")`)}`)
  ctx.terminal.line(answer.text)
  return 0
}
