import { PATTERNS, type BugClass, type Pattern } from '../scenarios/manifest-schema.js'
import type { Scenario } from '../scenarios/scenario.js'
import { DEFAULT_SCORING_RULES, scoreSolve, type Score, type ScoringRules } from './scoring.js'
import type { Attempt, State } from './state-schema.js'

export interface ActiveDrill {
  scenarioId: string
  attempt: Attempt
}

/** The open attempt of the active drill, if there is one. */
export function activeDrill(state: State): ActiveDrill | undefined {
  if (!state.active) return undefined
  const attempt = state.scenarios[state.active]?.attempts.findLast((candidate) => !candidate.outcome)
  return attempt ? { scenarioId: state.active, attempt } : undefined
}

export function elapsedMs(attempt: Attempt, now = Date.now()): number {
  return Math.max(0, now - Date.parse(attempt.startedAt))
}

/** Closes the open attempt of the active drill, if any, and clears it. */
export function closeActive(state: State, outcome: 'gave-up' | 'abandoned', now = new Date()): ActiveDrill | undefined {
  const active = activeDrill(state)
  if (active) {
    active.attempt.outcome = outcome
    active.attempt.endedAt = now.toISOString()
  }
  delete state.active
  return active
}

export interface ScenarioProgress {
  id: string
  title: string
  bugClass: BugClass
  pattern: Pattern
  difficulty: Scenario['difficulty']
  solved: boolean
  /** Attempts begun with `drill start`, including an open one. */
  attempts: number
  gaveUp: number
  /** The solve with the highest score, then the fastest. */
  best?: { elapsedMs: number; hintsUsed: number; score: number }
  active: boolean
}

/** The drills of one bug pattern of the debugging article. */
export interface PatternProgress {
  pattern: Pattern
  solved: number
  total: number
  scenarios: ScenarioProgress[]
}

export interface ProgressSummary {
  patterns: PatternProgress[]
  /** The guided first drill, kept out of the patterns and totals. */
  tutorial?: ScenarioProgress
  solved: number
  total: number
  /** The best score of each solved scenario, added up. */
  score: number
}

export function summarize(scenarios: Scenario[], state: State): ProgressSummary {
  const perScenario = scenarios.map((scenario): ScenarioProgress => {
    const attempts = state.scenarios[scenario.id]?.attempts ?? []
    const solves = attempts.filter((attempt) => attempt.outcome === 'solved')
    const best = solves
      .map((attempt) => ({ elapsedMs: attempt.elapsedMs ?? 0, hintsUsed: attempt.hints.length, score: attempt.score ?? 0 }))
      .sort((a, b) => b.score - a.score || a.elapsedMs - b.elapsedMs)[0]
    return {
      id: scenario.id,
      title: scenario.title,
      bugClass: scenario.bugClass,
      pattern: scenario.pattern,
      difficulty: scenario.difficulty,
      solved: solves.length > 0,
      attempts: attempts.length,
      gaveUp: attempts.filter((attempt) => attempt.outcome === 'gave-up').length,
      ...(best ? { best } : {}),
      active: activeDrill(state)?.scenarioId === scenario.id
    }
  })
  // The tutorial teaches the tools; it counts toward no pattern and no total.
  const tutorialIds = new Set(scenarios.filter((scenario) => scenario.tutorial).map((scenario) => scenario.id))
  const tutorial = perScenario.find((scenario) => tutorialIds.has(scenario.id))
  const drills = perScenario.filter((scenario) => !tutorialIds.has(scenario.id))
  const patterns = PATTERNS.map((pattern) => {
    const inPattern = drills.filter((scenario) => scenario.pattern === pattern)
    return { pattern, solved: inPattern.filter((scenario) => scenario.solved).length, total: inPattern.length, scenarios: inPattern }
  }).filter((group) => group.total > 0)
  return {
    patterns,
    ...(tutorial ? { tutorial } : {}),
    solved: drills.filter((scenario) => scenario.solved).length,
    total: drills.length,
    score: drills.reduce((sum, scenario) => sum + (scenario.best?.score ?? 0), 0)
  }
}

export interface Suggestion {
  scenario: ScenarioProgress
  reason: string
}

/**
 * An unsolved drill in the weakest bug pattern (the lowest share solved, then the most given up),
 * easiest first. When everything is solved: the solve that scored lowest, to beat it.
 */
export function suggestNext(summary: ProgressSummary): Suggestion | undefined {
  if (summary.tutorial && !summary.tutorial.solved) return { scenario: summary.tutorial, reason: 'it walks you through the tools every drill uses' }
  const share = (group: PatternProgress) => group.solved / group.total
  const gaveUp = (group: PatternProgress) => group.scenarios.reduce((sum, scenario) => sum + scenario.gaveUp, 0)
  const easiestOpen = (group: PatternProgress) => Math.min(...group.scenarios.filter((scenario) => !scenario.solved).map((scenario) => scenario.difficulty))
  const open = summary.patterns
    .filter((group) => group.solved < group.total)
    .sort((a, b) => share(a) - share(b) || gaveUp(b) - gaveUp(a) || easiestOpen(a) - easiestOpen(b) || a.pattern.localeCompare(b.pattern))
  const weakest = open[0]
  if (weakest) {
    const scenario = weakest.scenarios.filter((candidate) => !candidate.solved).sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id))[0]
    if (scenario) {
      // The pattern of an unsolved drill is a spoiler: say why without naming it (`drill status` names it once solved).
      const reason =
        weakest.solved === 0
          ? `it is the easiest drill of a kind of bug you have not solved yet`
          : `it is the easiest open drill of the kind of bug you have solved least (${weakest.solved} of ${weakest.total})`
      return { scenario, reason }
    }
  }
  const solved = summary.patterns.flatMap((group) => group.scenarios).filter((scenario) => scenario.best)
  const lowest = solved.sort((a, b) => (a.best?.score ?? 0) / a.difficulty - (b.best?.score ?? 0) / b.difficulty)[0]
  return lowest ? { scenario: lowest, reason: `everything is solved; this is your lowest score (${lowest.best?.score ?? 0}), try to beat it` } : undefined
}

/** The first drill of the track not solved yet, in the track's order; undefined when the track is done. */
export function suggestInTrack(summary: ProgressSummary, track: { title: string; scenarios: readonly string[] }): Suggestion | undefined {
  const all = [...(summary.tutorial ? [summary.tutorial] : []), ...summary.patterns.flatMap((group) => group.scenarios)]
  const open = track.scenarios.map((id) => all.find((scenario) => scenario.id === id)).filter((scenario) => scenario !== undefined && !scenario.solved)
  const scenario = open[0]
  if (!scenario) return undefined
  const position = track.scenarios.indexOf(scenario.id) + 1
  return { scenario, reason: `it is drill ${position} of ${track.scenarios.length} in the track "${track.title}" and the first you have not solved` }
}

/**
 * Adds another machine's progress to this one: attempts are matched by when they started,
 * so importing the same file twice changes nothing. The local active drill stays active.
 */
export function mergeStates(into: State, from: State): { added: number } {
  let added = 0
  for (const [id, incoming] of Object.entries(from.scenarios)) {
    const attempts = (into.scenarios[id] ??= { attempts: [] }).attempts
    const known = new Map(attempts.map((attempt) => [attempt.startedAt, attempt]))
    for (const attempt of incoming.attempts) {
      const mine = known.get(attempt.startedAt)
      if (!mine) {
        attempts.push(structuredClone(attempt))
        added++
      } else if (!mine.outcome && attempt.outcome) {
        Object.assign(mine, structuredClone(attempt))
      }
    }
    attempts.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))
  }
  if (!activeDrill(into) && from.active && activeDrill(from)) into.active = from.active
  return { added }
}

export interface CheckRecorded {
  scenarioId: string
  elapsedMs: number
  hintsUsed: number
  /** Set when this check solved the drill. */
  solve?: Score
}

/**
 * Records a check of the active drill; a pass solves it (timed to the start of the check) and
 * ends it. Checks of any other scenario are not recorded: no clock runs for them.
 */
export function recordCheck(
  state: State,
  scenario: Scenario,
  check: { verdict: 'pass' | 'fail' | 'error'; seed: number; runtime: string; startedAt: Date },
  rules: ScoringRules = DEFAULT_SCORING_RULES
): CheckRecorded | undefined {
  const active = activeDrill(state)
  if (!active || active.scenarioId !== scenario.id) return undefined
  const { attempt } = active
  attempt.checks.push({ at: check.startedAt.toISOString(), verdict: check.verdict, seed: check.seed, runtime: check.runtime })
  const elapsed = elapsedMs(attempt, check.startedAt.getTime())
  const recorded: CheckRecorded = { scenarioId: scenario.id, elapsedMs: elapsed, hintsUsed: attempt.hints.length }
  if (check.verdict !== 'pass') return recorded
  const score = scoreSolve(scenario, { elapsedMs: elapsed, hintsUsed: attempt.hints.length }, rules)
  Object.assign(attempt, { outcome: 'solved', endedAt: new Date().toISOString(), elapsedMs: elapsed, score: score.points })
  delete state.active
  return { ...recorded, solve: score }
}
