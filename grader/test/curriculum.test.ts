import { describe, expect, it } from 'vitest'
import { CURRICULUM, curriculumProblems, rootCauseLines, type RootCauseLines } from '../src/scenarios/curriculum.js'
import { listScenarios } from '../src/scenarios/load-scenarios.js'
import { ManifestSchema, PATTERNS, type Pattern, type Trait } from '../src/scenarios/manifest-schema.js'
import type { Scenario } from '../src/scenarios/scenario.js'
import { loadTracks, resolveTracks, type Track } from '../src/scenarios/tracks.js'
import { repoRoot } from '@debug-drills/test-support'

const TRACK_ENTRIES = CURRICULUM.tracks.map((id) => ({ id, title: id, summary: `the ${id} track` }))

function drill(id: string, fields: { pattern: Pattern; bugClass?: string; difficulty?: 1 | 2 | 3; traits?: Trait[]; dependsOn?: string[]; tracks?: Record<string, number> }): Scenario {
  const manifest = ManifestSchema.parse({
    id,
    title: id,
    service: 'catalog',
    bugClass: fields.bugClass ?? 'off-by-one',
    pattern: fields.pattern,
    difficulty: fields.difficulty ?? 2,
    timeLimitMinutes: 20,
    traits: fields.traits ?? [],
    dependsOn: fields.dependsOn ?? [],
    tracks: fields.tracks ?? {},
    hints: [{ text: 'a' }, { text: 'b' }, { text: 'c' }]
  })
  return { ...manifest, dir: '', ticketPath: '', explanationPath: '', fixPatchPath: '', regressionTestsPath: '', invariantTestsPath: '', alternatives: [], hacks: [] }
}

/** A catalogue that meets every rule: 24 drills, a third of each difficulty, every pattern, class and trait, three tracks. */
function goodCatalogue(): Scenario[] {
  const named = ['environment-mismatch', 'type-coercion', 'stale-state', 'missing-await']
  return Array.from({ length: 24 }, (_, index) => {
    const pattern = PATTERNS[index % PATTERNS.length] ?? 'off-by-one'
    const traits: Trait[] = []
    if (index < 4) traits.push('production-only')
    if (index >= 4 && index < 7) traits.push('concurrency')
    if (index === 7) traits.push('cross-service')
    if (index === 8) traits.push('background-job')
    const tracks: Record<string, number> = {}
    if (index < 6) tracks['onboarding-week'] = index + 1
    if (pattern === 'async-timing' || pattern === 'stale-state') tracks['async-and-state'] = index + 1
    if (traits.includes('production-only') || traits.includes('cross-service')) tracks['production-incidents'] = index + 1
    return drill(`drill-${index}`, {
      pattern,
      bugClass: named[index % 4] ?? 'off-by-one',
      difficulty: index < 8 ? 1 : index < 16 ? 2 : 3,
      traits,
      ...(index === 7 ? { dependsOn: ['orders'] } : {}),
      tracks
    })
  })
}

function check(scenarios: Scenario[], causes = new Map<string, RootCauseLines>()) {
  return curriculumProblems(scenarios, resolveTracks(TRACK_ENTRIES, scenarios), causes)
}

describe('curriculumProblems', () => {
  it('finds nothing wrong with a catalogue that meets every rule', () => {
    expect(check(goodCatalogue())).toEqual([])
  })

  it('counts drills, patterns, named classes and traits', () => {
    const scenarios = goodCatalogue().slice(0, 20)
    expect(check(scenarios)).toContain('there are 20 drills; the curriculum has 24')
    const noOffByOne = goodCatalogue().map((scenario) => (scenario.pattern === 'off-by-one' ? { ...scenario, pattern: 'mutation' as const } : scenario))
    expect(check(noOffByOne)).toContain('the pattern off-by-one has 0 drill(s); every pattern needs 2')
    const fewAwaits = goodCatalogue().map((scenario) => (scenario.bugClass === 'missing-await' ? { ...scenario, bugClass: 'race-condition' as const } : scenario))
    expect(check(fewAwaits)).toContain('the class missing-await has 0 drill(s); it needs 3')
    const quiet = goodCatalogue().map((scenario) => ({ ...scenario, traits: scenario.traits.filter((trait) => trait !== 'concurrency') }))
    expect(check(quiet)).toContain('0 drill(s) have the trait concurrency; the curriculum needs 3')
  })

  it('wants a cross-service drill to name the services it depends on, and the reverse', () => {
    const scenarios = goodCatalogue().map((scenario) => (scenario.id === 'drill-7' ? { ...scenario, dependsOn: [] } : scenario))
    expect(check(scenarios)).toContain('drill-7: the trait cross-service and the services it depends on (dependsOn) go together')
  })

  it('wants about a third of each difficulty', () => {
    const easy = goodCatalogue().map((scenario) => ({ ...scenario, difficulty: 1 as const }))
    expect(check(easy)).toEqual(expect.arrayContaining(['100 % of the drills are easy; each difficulty should hold about a third', '0 % of the drills are hard; each difficulty should hold about a third']))
  })

  it('refuses two drills planted on one line of one file, but not on a brace', () => {
    const causes = new Map<string, RootCauseLines>([
      ['drill-1', new Map([['services/catalog/src/a.ts', ['return requested[field] ?? current[field]']]])],
      ['drill-2', new Map([['services/catalog/src/a.ts', ['return requested[field] ?? current[field]']]])],
      ['drill-3', new Map([['services/catalog/src/b.ts', ['return requested[field] ?? current[field]']]])]
    ])
    expect(check(goodCatalogue(), causes)).toEqual(['drill-1 and drill-2 both plant their bug on the line `return requested[field] ?? current[field]` of services/catalog/src/a.ts'])
  })

  it('holds each track to its purpose', () => {
    const withHard = goodCatalogue().map((scenario) => (scenario.id === 'drill-2' ? { ...scenario, difficulty: 3 as const } : scenario))
    expect(check(withHard)).toContain('the onboarding week holds hard drills (drill-2); it is easy to medium')
    const backwards = goodCatalogue().map((scenario) => (scenario.id === 'drill-0' ? { ...scenario, difficulty: 2 as const } : scenario))
    expect(check(backwards)).toContain('the onboarding week goes back to an easier drill at drill-1; order it easy to medium')
    const offTheme = goodCatalogue().map((scenario) => (scenario.id === 'drill-0' ? { ...scenario, tracks: { ...scenario.tracks, 'async-and-state': 99 } } : scenario))
    expect(check(offTheme)).toContain('the async-and-state track holds drill-0, whose pattern is neither async timing, stale state nor mutation')
    const tracks: Track[] = resolveTracks(TRACK_ENTRIES.slice(0, 2), goodCatalogue().map((scenario) => ({ ...scenario, tracks: {} })))
    expect(curriculumProblems(goodCatalogue(), tracks, new Map())).toContain('the track production-incidents is missing from scenarios/tracks.yaml')
  })
})

describe('tracks', () => {
  it('refuses a track no file defines and two drills at one position', () => {
    expect(() => resolveTracks(TRACK_ENTRIES, [drill('a', { pattern: 'mutation', tracks: { nowhere: 1 } })])).toThrow(/a joins the track "nowhere", which the file does not define/)
    const twins = [drill('a', { pattern: 'mutation', tracks: { 'onboarding-week': 1 } }), drill('b', { pattern: 'mutation', tracks: { 'onboarding-week': 1 } })]
    expect(() => resolveTracks(TRACK_ENTRIES, twins)).toThrow(/a and b both take position 1 of the track "onboarding-week"/)
  })

  it('orders the shipped tracks by position, with drills that exist', async () => {
    const scenarios = await listScenarios(repoRoot)
    const tracks = await loadTracks(repoRoot, scenarios)
    expect(tracks.map((track) => track.id)).toEqual(expect.arrayContaining([...CURRICULUM.tracks]))
    for (const track of tracks) {
      const positions = track.scenarios.map((id) => scenarios.find((scenario) => scenario.id === id)?.tracks[track.id])
      expect(positions, track.id).toEqual([...positions].sort((a = 0, b = 0) => a - b))
    }
  })

  it("reads each shipped drill's root-cause lines from its bug patch", async () => {
    const scenarios = (await listScenarios(repoRoot)).filter((scenario) => !scenario.tutorial)
    for (const scenario of scenarios) {
      const lines = await rootCauseLines(scenario)
      expect([...lines.keys()].every((file) => file.startsWith(`services/${scenario.service}/src/`)), scenario.id).toBe(true)
      expect([...lines.values()].flat().length, scenario.id).toBeGreaterThan(0)
    }
  })

  it('holds for the shipped catalogue: 24 drills, every rule', async () => {
    const scenarios = await listScenarios(repoRoot)
    const tracks = await loadTracks(repoRoot, scenarios)
    const causes = new Map(await Promise.all(scenarios.map(async (scenario) => [scenario.id, await rootCauseLines(scenario)] as const)))
    expect(curriculumProblems(scenarios, tracks, causes)).toEqual([])
  })
})

