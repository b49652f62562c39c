import { readFile } from 'node:fs/promises'
import { BUG_CLASSES, DIFFICULTY_NAMES, PATTERNS, type BugClass, type Pattern, type Trait } from './manifest-schema.js'
import type { Scenario } from './scenario.js'
import type { Track } from './tracks.js'

/** What the curriculum promises (scenarios/README.md, "Coverage"); `curriculumProblems` checks the catalogue against it. */
export const CURRICULUM = {
  drills: 24,
  perPattern: 2,
  /** The four classes a team asks for by name. */
  perNamedClass: 3,
  namedClasses: BUG_CLASSES.slice(0, 4) as readonly BugClass[],
  perTrait: { 'production-only': 4, concurrency: 3, 'cross-service': 1, 'background-job': 1 } satisfies Record<Trait, number>,
  /** Each difficulty holds about a third of the drills: no less than a quarter, no more than five twelfths. */
  difficultyShare: { min: 1 / 4, max: 5 / 12 },
  tracks: ['onboarding-week', 'async-and-state', 'production-incidents']
} as const

/** What a drill's bug patch changed: the lines of the correct service it removed, per file. */
export type RootCauseLines = ReadonlyMap<string, readonly string[]>

export async function rootCauseLines(scenario: Scenario): Promise<RootCauseLines> {
  const lines = new Map<string, string[]>()
  if (!scenario.bugPatchPath) return lines
  let file = ''
  for (const line of (await readFile(scenario.bugPatchPath, 'utf8')).split('\n')) {
    if (line.startsWith('--- ')) file = line.slice(4).replace(/^a\//, '')
    else if (line.startsWith('-') && !line.startsWith('---')) {
      const code = line.slice(1).trim()
      // Braces and one-word lines are shared by any two edits of a file; they are no root cause.
      if (code.replace(/\W/g, '').length >= 8) lines.set(file, [...(lines.get(file) ?? []), code])
    }
  }
  return lines
}

/**
 * Every way the catalogue falls short of the curriculum, in words a drill author can act on; empty when it holds.
 * `causes` maps each drill to its root-cause lines (see `rootCauseLines`).
 */
export function curriculumProblems(scenarios: readonly Scenario[], tracks: readonly Track[], causes: ReadonlyMap<string, RootCauseLines>): string[] {
  const problems: string[] = []
  const drills = scenarios.filter((scenario) => !scenario.tutorial)
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length
  if (drills.length < CURRICULUM.drills) problems.push(`there are ${drills.length} drills; the curriculum has ${CURRICULUM.drills}`)
  for (const pattern of PATTERNS) {
    const n = count(drills, (drill) => drill.pattern === pattern)
    if (n < CURRICULUM.perPattern) problems.push(`the pattern ${pattern} has ${n} drill(s); every pattern needs ${CURRICULUM.perPattern}`)
  }
  for (const bugClass of CURRICULUM.namedClasses) {
    const n = count(drills, (drill) => drill.bugClass === bugClass)
    if (n < CURRICULUM.perNamedClass) problems.push(`the class ${bugClass} has ${n} drill(s); it needs ${CURRICULUM.perNamedClass}`)
  }
  for (const [trait, needed] of Object.entries(CURRICULUM.perTrait) as [Trait, number][]) {
    const n = count(drills, (drill) => drill.traits.includes(trait))
    if (n < needed) problems.push(`${n} drill(s) have the trait ${trait}; the curriculum needs ${needed}`)
  }
  for (const drill of drills) {
    if (drill.traits.includes('cross-service') !== drill.dependsOn.length > 0) {
      problems.push(`${drill.id}: the trait cross-service and the services it depends on (dependsOn) go together`)
    }
  }
  if (drills.length >= CURRICULUM.drills) {
    for (const [level, name] of Object.entries(DIFFICULTY_NAMES)) {
      const share = count(drills, (drill) => String(drill.difficulty) === level) / drills.length
      if (share < CURRICULUM.difficultyShare.min || share > CURRICULUM.difficultyShare.max) {
        problems.push(`${Math.round(share * 100)} % of the drills are ${name}; each difficulty should hold about a third`)
      }
    }
  }
  problems.push(...sharedRootCauses(drills, causes))
  problems.push(...trackProblems(drills, tracks))
  return problems
}

function sharedRootCauses(drills: readonly Scenario[], causes: ReadonlyMap<string, RootCauseLines>): string[] {
  const owners = new Map<string, string>()
  const problems: string[] = []
  for (const drill of drills) {
    for (const [file, lines] of causes.get(drill.id) ?? new Map<string, string[]>()) {
      for (const line of new Set(lines)) {
        const key = `${file}\n${line}`
        const owner = owners.get(key)
        if (owner && owner !== drill.id) problems.push(`${owner} and ${drill.id} both plant their bug on the line \`${line}\` of ${file}`)
        else owners.set(key, drill.id)
      }
    }
  }
  return problems
}

function trackProblems(drills: readonly Scenario[], tracks: readonly Track[]): string[] {
  const problems: string[] = []
  const byId = new Map(drills.map((drill) => [drill.id, drill]))
  const members = (track: Track) => track.scenarios.map((id) => byId.get(id)).filter((drill): drill is Scenario => drill !== undefined)
  for (const id of CURRICULUM.tracks) {
    const track = tracks.find((candidate) => candidate.id === id)
    if (!track) {
      problems.push(`the track ${id} is missing from scenarios/tracks.yaml`)
      continue
    }
    const drillsOfTrack = members(track)
    if (drillsOfTrack.length < 3) problems.push(`the track ${id} has ${drillsOfTrack.length} drill(s); a track needs at least 3`)
    if (id === 'onboarding-week') {
      const hard = drillsOfTrack.filter((drill) => drill.difficulty === 3).map((drill) => drill.id)
      if (hard.length > 0) problems.push(`the onboarding week holds hard drills (${hard.join(', ')}); it is easy to medium`)
      const missing = PATTERNS.filter((pattern: Pattern) => !drillsOfTrack.some((drill) => drill.pattern === pattern))
      if (missing.length > 0) problems.push(`the onboarding week misses the pattern(s) ${missing.join(', ')}; it has every pattern once`)
      const steps = drillsOfTrack.slice(1).filter((drill, index) => drill.difficulty < (drillsOfTrack[index]?.difficulty ?? 1))
      if (steps.length > 0) problems.push(`the onboarding week goes back to an easier drill at ${steps.map((drill) => drill.id).join(', ')}; order it easy to medium`)
    }
    if (id === 'async-and-state') {
      const off = drillsOfTrack.filter((drill) => !['async-timing', 'stale-state', 'mutation'].includes(drill.pattern)).map((drill) => drill.id)
      if (off.length > 0) problems.push(`the async-and-state track holds ${off.join(', ')}, whose pattern is neither async timing, stale state nor mutation`)
    }
    if (id === 'production-incidents') {
      const off = drillsOfTrack.filter((drill) => !drill.traits.some((trait) => trait === 'production-only' || trait === 'cross-service')).map((drill) => drill.id)
      if (off.length > 0) problems.push(`the production-incidents track holds ${off.join(', ')}, which show(s) outside production too`)
    }
  }
  return problems
}
