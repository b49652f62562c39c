import { readState, statePath } from '../../progress/state-file.js'
import type { State } from '../../progress/state-schema.js'
import { DIFFICULTY_NAMES } from '../../scenarios/manifest-schema.js'
import { listScenarios } from '../../scenarios/load-scenarios.js'
import { findTrack, loadTracks, type Track } from '../../scenarios/tracks.js'
import type { CommandContext } from '../command-context.js'

export interface ListOptions {
  json?: boolean
  track?: string
  tracks?: boolean
}

/** Drills whose bug class the trainee may see: solved or given up. A progress file that cannot be read reveals none. */
async function revealedDrills(repoRoot: string): Promise<Set<string>> {
  const state: State | undefined = await readState(statePath(repoRoot)).catch(() => undefined)
  const ended = Object.entries(state?.scenarios ?? {}).filter(([, progress]) => progress.attempts.some((attempt) => attempt.outcome === 'solved' || attempt.outcome === 'gave-up'))
  return new Set(ended.map(([id]) => id))
}

/** The drills, without the bug class of those not solved or given up yet: knowing it is half the hunt. */
export async function list(options: ListOptions, { repoRoot, terminal }: CommandContext): Promise<number> {
  const [all, revealed] = await Promise.all([listScenarios(repoRoot), revealedDrills(repoRoot)])
  const tracks = await loadTracks(repoRoot, all)
  if (options.tracks) return listTracks(tracks, options, terminal)
  const track = options.track === undefined ? undefined : findTrack(tracks, options.track)
  const scenarios = track ? track.scenarios.flatMap((id) => all.filter((scenario) => scenario.id === id)) : all
  if (options.json) {
    terminal.line(
      JSON.stringify(
        scenarios.map(({ id, title, service, dependsOn, bugClass, difficulty, timeLimitMinutes, tutorial, tracks: memberOf }) => ({
          id,
          title,
          service,
          dependsOn,
          tracks: Object.keys(memberOf),
          difficulty,
          timeLimitMinutes,
          tutorial,
          ...(revealed.has(id) ? { bugClass } : {})
        })),
        null,
        2
      )
    )
    return 0
  }
  const c = terminal.colors
  if (track) terminal.line(`${c.bold(track.title)}: ${track.summary}`)
  const width = Math.max(...scenarios.map((scenario) => scenario.id.length))
  for (const [index, scenario] of scenarios.entries()) {
    const facts = [scenario.tutorial ? 'tutorial' : DIFFICULTY_NAMES[scenario.difficulty], `${scenario.timeLimitMinutes} min`, ...(revealed.has(scenario.id) ? [scenario.bugClass] : [])]
    const step = track ? `${String(index + 1).padStart(2)}. ` : ''
    terminal.line(`${step}${c.bold(scenario.id.padEnd(width))}  ${scenario.title}  ${c.dim(facts.join(' · '))}`)
  }
  if (!track && tracks.length > 0) terminal.line(c.dim(`\nTracks: ${tracks.map((candidate) => candidate.id).join(', ')}. \`drill list --tracks\` describes them; \`drill next --track <id>\` follows one.`))
  return 0
}

function listTracks(tracks: readonly Track[], options: ListOptions, terminal: CommandContext['terminal']): number {
  if (options.json) {
    terminal.line(JSON.stringify(tracks, null, 2))
    return 0
  }
  const c = terminal.colors
  for (const track of tracks) {
    terminal.line(`${c.bold(track.id)}  ${track.title} ${c.dim(`· ${track.scenarios.length} drills`)}`)
    terminal.line(`  ${track.summary}`)
  }
  terminal.line(c.dim('`drill list --track <id>` lists one in order; `drill next --track <id>` follows it.'))
  return 0
}
