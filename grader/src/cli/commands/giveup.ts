import { readFile } from 'node:fs/promises'
import { closeActive } from '../../progress/progress.js'
import { updateState } from '../../progress/state-file.js'
import { findScenario } from '../../scenarios/load-scenarios.js'
import type { CommandContext } from '../command-context.js'
import { NoActiveDrillError, readSession } from '../session.js'
import { formatDuration, renderMarkdown } from '../text.js'

export interface GiveUpOptions {
  json?: boolean
}

/** Ends the active drill unsolved and shows the reference fix and the explanation. Your edits stay. */
export async function giveUp(options: GiveUpOptions, ctx: CommandContext): Promise<number> {
  const { path, active } = await readSession(ctx)
  if (!active) throw new NoActiveDrillError('giveup')
  const scenario = await findScenario(ctx.repoRoot, active.scenarioId)
  const ended = new Date()
  await updateState(path, (state) => closeActive(state, 'gave-up', ended))
  const [fix, explanation] = await Promise.all([readFile(scenario.fixPatchPath, 'utf8'), readFile(scenario.explanationPath, 'utf8')])
  if (options.json) {
    ctx.terminal.line(JSON.stringify({ scenario: scenario.id, service: scenario.service, fix, explanation }, null, 2))
    return 0
  }
  const c = ctx.terminal.colors
  const elapsed = ended.getTime() - Date.parse(active.attempt.startedAt)
  ctx.terminal.line(`${c.bold(scenario.title)} ${c.dim(`· given up after ${formatDuration(elapsed)}; it stays unsolved.`)}`)
  ctx.terminal.line()
  ctx.terminal.line(c.bold('The reference fix:'))
  for (const line of fix.trimEnd().split('\n')) {
    ctx.terminal.line(line.startsWith('+') && !line.startsWith('+++') ? c.green(line) : line.startsWith('-') && !line.startsWith('---') ? c.red(line) : c.dim(line))
  }
  ctx.terminal.line()
  for (const line of renderMarkdown(explanation, c)) ctx.terminal.line(line)
  ctx.terminal.line()
  ctx.terminal.line(
    `Your edits are untouched. ${scenario.bugPatchPath ? `${c.cyan('drill exit')} takes you back to your branch. ` : ''}Try it for real later: ${c.cyan(`drill start ${scenario.id}`)} plants the bug again and starts a new clock. ${c.cyan('drill next')} suggests another drill.`
  )
  return 0
}
