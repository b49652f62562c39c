/**
 * How a solve is scored. The CLI and the workshop scoreboard both call `scoreSolve`, so a
 * drill scores the same on a laptop and on the board. The rules are written out in the README.
 */
export interface ScoringRules {
  /** Points for a solve within the time limit without hints, per difficulty level (1 to 3). */
  pointsPerDifficulty: number
  /** Share of those points each hint costs, by hint: the first, the second, the third. */
  hintCosts: readonly number[]
  /** Share of the points lost for each full time limit spent beyond the limit. */
  overtimePenalty: number
  /** No solve scores less than this share of its points, however slow or hinted. */
  floor: number
}

export const DEFAULT_SCORING_RULES: ScoringRules = Object.freeze({
  pointsPerDifficulty: 100,
  hintCosts: Object.freeze([0.1, 0.2, 0.3]),
  overtimePenalty: 0.25,
  floor: 0.1
})

export interface ScoredDrill {
  difficulty: number
  timeLimitMinutes: number
}

export interface SolveFacts {
  elapsedMs: number
  hintsUsed: number
}

export interface Score {
  points: number
  /** Points for the difficulty before time and hints. */
  base: number
  /** Points lost to time beyond the limit. */
  overtime: number
  /** Points lost to hints. */
  hints: number
  /** The least a solve scores: `points` is base − overtime − hints, but never below this. */
  floor: number
}

export function scoreSolve(drill: ScoredDrill, facts: SolveFacts, rules: ScoringRules = DEFAULT_SCORING_RULES): Score {
  const base = rules.pointsPerDifficulty * drill.difficulty
  const limitMs = drill.timeLimitMinutes * 60_000
  const overtimeShare = Math.max(0, facts.elapsedMs - limitMs) / limitMs
  const overtime = Math.round(base * rules.overtimePenalty * overtimeShare)
  const hintShare = rules.hintCosts.slice(0, Math.max(0, facts.hintsUsed)).reduce((sum, cost) => sum + cost, 0)
  const hints = Math.round(base * hintShare)
  const floor = Math.round(base * rules.floor)
  return { points: Math.max(floor, base - overtime - hints), base, overtime, hints, floor }
}

/** What taking hint number `index` (0-based) costs on a drill of this difficulty. */
export function hintCost(drill: Pick<ScoredDrill, 'difficulty'>, index: number, rules: ScoringRules = DEFAULT_SCORING_RULES): number {
  return Math.round(rules.pointsPerDifficulty * drill.difficulty * (rules.hintCosts[index] ?? 0))
}
