import { UsageError } from '../../errors.js'
import { closeActive } from '../../progress/progress.js'
import { updateState } from '../../progress/state-file.js'
import { backUpEdits, serviceEdits } from '../../workspace/restore-service.js'
import { leaveDrill, readDrillBranch, type DrillBranch } from '../../workspace/planted-drill.js'
import type { CommandContext } from '../command-context.js'
import { readSession } from '../session.js'

/**
 * Leaves the drill branch, if the checkout is on one: the work on the drill is saved as a
 * patch, and the checkout goes back to the branch it was on, with its uncommitted edits.
 * Returns what was left, or nothing when no drill branch was checked out.
 */
export async function leaveCurrentDrill(ctx: CommandContext): Promise<DrillBranch | undefined> {
  const { repoRoot, terminal } = ctx
  const planted = await readDrillBranch(repoRoot)
  if (!planted) return undefined
  const c = terminal.colors
  const left = await leaveDrill(repoRoot, planted, async (base) => {
    const edits = await serviceEdits(repoRoot, planted.service, base)
    return edits.paths.length ? backUpEdits(repoRoot, planted.service, base) : undefined
  })
  terminal.line(`Left ${c.bold(planted.branch)}; back on ${c.bold(left.returnedTo)}.`)
  if (left.saved) terminal.line(c.dim(`  Your work on ${planted.scenario} is saved in ${left.saved}.`))
  if (left.restoredBackup) terminal.line(c.dim(`  Your earlier edits to services/${planted.service} are back.`))
  else if (planted.backup) terminal.line(c.yellow(`  Your earlier edits to services/${planted.service} did not apply cleanly; they are in ${planted.backup} (\`git apply\` it by hand).`))
  return planted
}

export interface ExitOptions {
  json?: boolean
}

/** `drill exit`: back to where the trainee was before `drill start`; an unsolved attempt counts as abandoned. */
export async function exit(options: ExitOptions, ctx: CommandContext): Promise<number> {
  const { path } = await readSession(ctx)
  const planted = await readDrillBranch(ctx.repoRoot)
  if (!planted) throw new UsageError('This checkout is not on a drill branch: there is nothing to leave. `drill start <scenario>` starts a drill.')
  const left = await leaveCurrentDrill(ctx)
  await updateState(path, (state) => {
    if (state.active === left?.scenario) closeActive(state, 'abandoned', new Date())
  })
  if (options.json) ctx.terminal.line(JSON.stringify({ left: left?.scenario, branch: left?.branch }))
  return 0
}
