import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import { DrillError } from '../errors.js'
import type { Scenario } from './scenario.js'

const TrackEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
  title: z.string().min(1),
  summary: z.string().min(1)
})

const TracksFileSchema = z.array(TrackEntrySchema)

/** A track with its drills in order: what `drill list --track`, `drill next` and the facilitator page offer. */
export interface Track extends z.infer<typeof TrackEntrySchema> {
  scenarios: string[]
}

export const TRACKS_FILE = join('scenarios', 'tracks.yaml')

export class BrokenTracksError extends DrillError {
  constructor(problem: string) {
    super(`${TRACKS_FILE} is broken: ${problem}. Fix it or restore it with \`git checkout -- ${TRACKS_FILE}\`.`)
  }
}

export class UnknownTrackError extends DrillError {
  constructor(id: string, known: readonly Track[]) {
    super(`There is no track "${id}". The tracks are: ${known.map((track) => track.id).join(', ')} (\`drill list --tracks\` describes them).`)
  }
}

/**
 * The tracks of scenarios/tracks.yaml, each with the drills whose manifests name it, ordered by their positions.
 * A manifest naming a track the file does not define, or two drills at one position, is a broken catalogue.
 */
export async function loadTracks(repoRoot: string, scenarios: readonly Scenario[]): Promise<Track[]> {
  let raw: unknown
  try {
    raw = parse(await readFile(join(repoRoot, TRACKS_FILE), 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new BrokenTracksError(`it cannot be read (${(error as Error).message})`)
  }
  const parsed = TracksFileSchema.safeParse(raw ?? [])
  if (!parsed.success) throw new BrokenTracksError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`).join('; '))
  return resolveTracks(parsed.data, scenarios)
}

export function resolveTracks(entries: readonly z.infer<typeof TrackEntrySchema>[], scenarios: readonly Scenario[]): Track[] {
  const known = new Set(entries.map((entry) => entry.id))
  if (known.size !== entries.length) throw new BrokenTracksError('a track id appears twice')
  for (const scenario of scenarios) {
    for (const track of Object.keys(scenario.tracks)) {
      if (!known.has(track)) throw new BrokenTracksError(`${scenario.id} joins the track "${track}", which the file does not define`)
    }
  }
  return entries.map((entry) => {
    const members = scenarios.filter((scenario) => scenario.tracks[entry.id] !== undefined).sort((a, b) => (a.tracks[entry.id] ?? 0) - (b.tracks[entry.id] ?? 0))
    members.forEach((scenario, index) => {
      const previous = members[index - 1]
      if (previous && previous.tracks[entry.id] === scenario.tracks[entry.id]) {
        throw new BrokenTracksError(`${previous.id} and ${scenario.id} both take position ${scenario.tracks[entry.id]} of the track "${entry.id}"`)
      }
    })
    return { ...entry, scenarios: members.map((scenario) => scenario.id) }
  })
}

export function findTrack(tracks: readonly Track[], id: string): Track {
  const track = tracks.find((candidate) => candidate.id === id)
  if (!track) throw new UnknownTrackError(id, tracks)
  return track
}
