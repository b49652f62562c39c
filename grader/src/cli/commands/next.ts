import { suggestInTrack, suggestNext, summarize, type Suggestion } from '../../progress/progress.js'
import { statePath, updateState } from '../../progress/state-file.js'
import { listScenarios } from '../../scenarios/load-scenarios.js'
import { DIFFICULTY_NAMES } from '../../scenarios/manifest-schema.js'
import { findTrack, loadTracks, type Track } from '../../scenarios/tracks.js'
import type { CommandContext } from '../command-context.js'
import { readSession } from '../session.js'

export interface NextOptions {
  json?: boolean
  /** Follow this track from now on; `all` goes back to the whole catalogue. */
  track?: string
}

export async function next(options: NextOptions, ctx: CommandContext): Promise<number> {
  const scenarios = await listScenarios(ctx.repoRoot)
  const tracks = await loadTracks(ctx.repoRoot, scenarios)
  if (options.track !== undefined) {
    const chosen = options.track === 'all' ? undefined : findTrack(tracks, options.track).id
    await updateState(statePath(ctx.repoRoot), (state) => {
      if (chosen) state.track = chosen
      else delete state.track
    })
  }
  const { state, active } = await readSession(ctx)
  const summary = summarize(scenarios, state)
  // A track that no longer exists (renamed upstream) is simply not followed.
  const track: Track | undefined = tracks.find((candidate) => candidate.id === state.track)
  const inTrack = track ? suggestInTrack(summary, track) : undefined
  const suggestion: Suggestion | undefined = inTrack ?? suggestNext(summary)
  if (options.json) {
    const payload = { active: active?.scenarioId ?? null, track: track?.id ?? null, trackDone: track !== undefined && inTrack === undefined, suggestion: suggestion ? { scenario: suggestion.scenario.id, reason: suggestion.reason } : null }
    ctx.terminal.line(JSON.stringify(payload, null, 2))
    return 0
  }
  const c = ctx.terminal.colors
  if (active) ctx.terminal.line(c.dim(`(${active.scenarioId} is still running; starting another stops its clock.)`))
  if (track && !inTrack) ctx.terminal.line(`You have solved every drill of the track "${track.title}". ${c.dim('`drill next --track all` leaves it; `drill list --tracks` shows the others.')}`)
  if (!suggestion) {
    ctx.terminal.line('There are no scenarios to suggest.')
    return 1
  }
  const { scenario, reason } = suggestion
  ctx.terminal.line(`${c.bold(scenario.id)}: ${scenario.title} ${c.dim(`· ${DIFFICULTY_NAMES[scenario.difficulty]}`)}`)
  ctx.terminal.line(`Why: ${reason}.`)
  ctx.terminal.line(`Start it: ${c.cyan(`drill start ${scenario.id}`)}`)
  return 0
}
