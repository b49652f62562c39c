import { UsageError } from '../../errors.js'
import { api } from '@debug-drills/workshop-contract'
import type { CommandContext } from '../command-context.js'
import { forgetJoinedWorkshop, readJoinedWorkshop, saveJoinedWorkshop, workshopApi } from '../workshop-client.js'

export interface JoinOptions {
  name?: string
  team?: string
}

function serverUrl(value: string): string {
  try {
    const url = new URL(/^https?:\/\//.test(value) ? value : `http://${value}`)
    return url.origin
  } catch {
    throw new UsageError(`"${value}" is not a server address. Use the one the board shows, like http://10.0.0.5:4000.`)
  }
}

/** `drill join <url> <code> --name <name> [--team <team>]`: joins and keeps the trainee token. */
export async function join(url: string, code: string, options: JoinOptions, ctx: CommandContext): Promise<number> {
  if (!options.name || typeof options.name !== 'string') throw new UsageError('Say who you are on the board: `drill join <url> <code> --name <your name>`.')
  const origin = serverUrl(url)
  const answer = await workshopApi(origin, api.join.url, api.join.response[201], {
    method: 'POST',
    body: { code, name: options.name, ...(options.team ? { team: String(options.team) } : {}) },
    signal: ctx.signal
  })
  const previous = await readJoinedWorkshop(ctx.repoRoot).catch(() => undefined)
  const path = await saveJoinedWorkshop(ctx.repoRoot, {
    url: origin,
    workshopId: answer.workshop.id,
    title: answer.workshop.title,
    name: answer.participant.name,
    team: answer.participant.team,
    scenarios: answer.workshop.scenarios,
    token: answer.token
  })
  const c = ctx.terminal.colors
  if (previous && previous.workshopId !== answer.workshop.id) ctx.terminal.line(c.dim(`(You have left "${previous.title}".)`))
  ctx.terminal.line(`${c.green('Joined')} ${c.bold(answer.workshop.title)} as ${c.bold(answer.participant.name)}${answer.participant.team ? ` in team ${c.bold(answer.participant.team)}` : ''}.`)
  ctx.terminal.line(`  Scenarios: ${answer.workshop.scenarios.join(', ')} · ${answer.workshop.durationMinutes} min · ${answer.workshop.phase === 'draft' ? 'starts when the facilitator says so' : answer.workshop.phase}`)
  ctx.terminal.line(`  Board: ${origin}/board/${answer.workshop.id}`)
  ctx.terminal.line(`  Your token is kept in ${path} (only you can read it).`)
  ctx.terminal.line()
  ctx.terminal.line(`  Next: ${c.cyan(`drill start ${answer.workshop.scenarios[0] ?? '<scenario>'}`)}, find the bug, ${c.cyan('drill check')} locally, then ${c.cyan('drill submit')}: only the server's grading scores.`)
  return 0
}

export async function leave(ctx: CommandContext): Promise<number> {
  const joined = await readJoinedWorkshop(ctx.repoRoot).catch(() => undefined)
  const removed = await forgetJoinedWorkshop(ctx.repoRoot)
  ctx.terminal.line(removed ? `Left ${joined ? `"${joined.title}"` : 'the workshop'}: its token is deleted here; \`drill hint\` and \`drill check\` are local again.` : 'You are not in a workshop.')
  return 0
}
