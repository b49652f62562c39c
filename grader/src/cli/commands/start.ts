import { readFile } from 'node:fs/promises'
import { UsageError } from '../../errors.js'
import { closeActive } from '../../progress/progress.js'
import { scoreSolve } from '../../progress/scoring.js'
import { updateState } from '../../progress/state-file.js'
import { findScenario } from '../../scenarios/load-scenarios.js'
import { DIFFICULTY_NAMES } from '../../scenarios/manifest-schema.js'
import type { CommandContext } from '../command-context.js'
import { readSession } from '../session.js'
import { renderMarkdown } from '../text.js'
import { plantDrill } from '../../workspace/planted-drill.js'
import { discardEdits } from './discard-edits.js'
import { leaveCurrentDrill } from './exit.js'

export interface StartOptions {
  yes?: boolean
  json?: boolean
}

export async function start(id: string | undefined, options: StartOptions, ctx: CommandContext): Promise<number> {
  if (!id) throw new UsageError('Name the drill to start, e.g. `drill start catalog-sold-out-stock`: `drill next` suggests one and `drill list` shows them all.')
  const scenario = await findScenario(ctx.repoRoot, id)
  // A progress file that cannot be read stops us before any file is touched.
  const { path } = await readSession(ctx)
  const left = await leaveCurrentDrill(ctx)
  const { bugPatchPath } = scenario
  // A drill that plants its bug starts from the trainee's own HEAD; one whose service carries
  // its bug in main starts from the service as shipped.
  const discarded = await discardEdits(scenario.service, options.yes, ctx, bugPatchPath ? 'HEAD' : undefined)
  if (!discarded) {
    ctx.terminal.line('Nothing was changed, and no drill was started.')
    return 1
  }
  const planted = bugPatchPath ? await plantDrill(ctx.repoRoot, { ...scenario, bugPatchPath }, discarded.backup) : undefined
  const startedAt = new Date()
  const previous = await updateState(path, (state) => {
    const closed = closeActive(state, 'abandoned', startedAt)
    ;(state.scenarios[scenario.id] ??= { attempts: [] }).attempts.push({ startedAt: startedAt.toISOString(), hints: [], checks: [] })
    state.active = scenario.id
    return closed
  })
  const ticket = await readFile(scenario.ticketPath, 'utf8')
  const points = scoreSolve(scenario, { elapsedMs: 0, hintsUsed: 0 }).points
  if (options.json) {
    ctx.terminal.line(
      JSON.stringify(
        {
          scenario: scenario.id,
          service: scenario.service,
          startedAt: startedAt.toISOString(),
          timeLimitMinutes: scenario.timeLimitMinutes,
          points,
          ticket,
          discarded: discarded.paths,
          ...(discarded.backup ? { backup: discarded.backup } : {}),
          ...(planted ? { branch: planted.branch } : {}),
          ...(left ? { left: left.scenario } : {}),
          ...(previous ? { abandoned: previous.scenarioId } : {})
        },
        null,
        2
      )
    )
    return 0
  }
  const { terminal } = ctx
  const c = terminal.colors
  if (previous) terminal.line(c.dim(`The clock on ${previous.scenarioId} stopped; that attempt counts as abandoned.`))
  if (planted) {
    terminal.line(
      c.dim(
        `You are on the branch ${planted.branch}, made for this drill: \`git status\` and \`git diff\` show only your own edits. \`drill exit\` takes you back to ${planted.returnTo.branch ?? 'where you were'}${discarded.backup ? ' and re-applies your earlier edits to the service' : ''}.`
      )
    )
  }
  terminal.line()
  for (const line of renderMarkdown(ticket, c)) terminal.line(`  ${line}`)
  terminal.line()
  terminal.line(
    `${c.green('Clock started.')} ${c.bold(scenario.title)} ${c.dim(`· ${DIFFICULTY_NAMES[scenario.difficulty]} · ${scenario.timeLimitMinutes} min suggested · ${points} points`)}`
  )
  terminal.line(`The code is in ${c.bold(`services/${scenario.service}/src`)}. Your tools:`)
  const commands: [string, string][] = [
    ['drill run', `run the ${scenario.service} service with its database, reloading on save`],
    ['drill run --inspect', 'the same, with a debugger port for VS Code or Chrome DevTools'],
    ['drill repro', "replay the ticket's requests against it, curl -v style"],
    ['drill hint', 'the next hint, when you are stuck (hints cost points)'],
    ['drill check', 'grade your fix with the hidden tests'],
    ['drill watch', 'grade it again on every save'],
    ['drill giveup', 'see the reference fix and the explanation'],
    ...(planted ? ([['drill exit', 'leave the drill and go back to your branch']] as [string, string][]) : [])
  ]
  for (const [command, what] of commands) terminal.line(`  ${c.cyan(command.padEnd(20))} ${what}`)
  return 0
}
