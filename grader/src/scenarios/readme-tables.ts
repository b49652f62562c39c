import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { listScenarios } from './load-scenarios.js'
import { DIFFICULTY_NAMES } from './manifest-schema.js'
import type { Scenario } from './scenario.js'
import { loadTracks, type Track } from './tracks.js'

/** The README sections made from the manifests, between `<!-- <name>:start -->` and `<!-- <name>:end -->`. */
export type ReadmeSection = 'drills' | 'tracks'

const difficultyName = (scenario: Scenario) => (scenario.tutorial ? 'tutorial' : DIFFICULTY_NAMES[scenario.difficulty])

/** Tutorial first, then easy to hard; never the bug class, which is part of the hunt. */
export function renderDrillTable(scenarios: readonly Scenario[]): string {
  const ordered = [...scenarios].sort((a, b) => Number(b.tutorial) - Number(a.tutorial) || a.difficulty - b.difficulty || a.id.localeCompare(b.id))
  const rows = ordered.map((scenario) => {
    const title = scenario.tutorial ? `${scenario.title} (start here)` : scenario.title
    const services = [scenario.service, ...scenario.dependsOn].join(' + ')
    const tracks = Object.keys(scenario.tracks).sort().join(', ') || '–'
    return `| \`${scenario.id}\` | ${title} | ${services} | ${difficultyName(scenario)} | ${tracks} |`
  })
  return ['| drill | title | service | difficulty | tracks |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}

export function renderTrackTable(tracks: readonly Track[], scenarios: readonly Scenario[]): string {
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]))
  return tracks
    .map((track) => {
      const steps = track.scenarios.map((id, index) => {
        const scenario = byId.get(id)
        return `${index + 1}. \`${id}\`${scenario ? `: ${scenario.title} (${difficultyName(scenario)})` : ''}`
      })
      return [`**${track.title}** (\`${track.id}\`, ${track.scenarios.length} drills): ${track.summary}`, '', ...steps].join('\n')
    })
    .join('\n\n')
}

export async function renderReadmeSections(repoRoot: string): Promise<Record<ReadmeSection, string>> {
  const scenarios = await listScenarios(repoRoot)
  const tracks = await loadTracks(repoRoot, scenarios)
  return { drills: renderDrillTable(scenarios), tracks: renderTrackTable(tracks, scenarios) }
}

/** Replaces each generated section of `text`; a section whose markers are missing is an error worth fixing by hand. */
export function replaceSections(text: string, sections: Record<ReadmeSection, string>): string {
  let result = text
  for (const [name, body] of Object.entries(sections)) {
    const start = `<!-- ${name}:start -->`
    const end = `<!-- ${name}:end -->`
    const from = result.indexOf(start)
    const to = result.indexOf(end)
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} and ${end}.`)
    result = `${result.slice(0, from + start.length)}\n${body}\n${result.slice(to)}`
  }
  return result
}

/** Rewrites the README's generated sections; answers whether anything changed. */
export async function updateReadme(repoRoot: string): Promise<boolean> {
  const path = join(repoRoot, 'README.md')
  const before = await readFile(path, 'utf8')
  const after = replaceSections(before, await renderReadmeSections(repoRoot))
  if (after !== before) await writeFile(path, after)
  return after !== before
}
