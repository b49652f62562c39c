import { describe, expect, it } from 'vitest'
import { mergeStates, recordCheck, suggestNext, summarize } from '../src/progress/progress.js'
import { DEFAULT_SCORING_RULES, hintCost, scoreSolve } from '../src/progress/scoring.js'
import { parseState, StateFileError } from '../src/progress/state-file.js'
import { emptyState, type State } from '../src/progress/state-schema.js'
import { listScenarios } from '../src/scenarios/load-scenarios.js'
import { repoRoot } from '@debug-drills/test-support'

const MINUTE = 60_000
const medium = { difficulty: 2, timeLimitMinutes: 20 }

describe('scoreSolve', () => {
  it('gives the full points for a solve within the limit without hints', () => {
    expect(scoreSolve(medium, { elapsedMs: 19 * MINUTE, hintsUsed: 0 })).toEqual({ points: 200, base: 200, overtime: 0, hints: 0, floor: 20 })
  })

  it('charges each hint its own share, in order', () => {
    expect(scoreSolve(medium, { elapsedMs: MINUTE, hintsUsed: 1 }).points).toBe(180)
    expect(scoreSolve(medium, { elapsedMs: MINUTE, hintsUsed: 2 }).points).toBe(140)
    expect(scoreSolve(medium, { elapsedMs: MINUTE, hintsUsed: 3 }).points).toBe(80)
    expect([0, 1, 2].map((index) => hintCost(medium, index))).toEqual([20, 40, 60])
  })

  it('loses a quarter of the points per time limit of overtime, down to the floor', () => {
    expect(scoreSolve(medium, { elapsedMs: 40 * MINUTE, hintsUsed: 0 })).toMatchObject({ points: 150, overtime: 50 })
    expect(scoreSolve(medium, { elapsedMs: 30 * MINUTE, hintsUsed: 1 })).toMatchObject({ points: 155, overtime: 25, hints: 20 })
    expect(scoreSolve(medium, { elapsedMs: 10 * 60 * MINUTE, hintsUsed: 3 }).points).toBe(20)
  })

  it('takes other rules, as a workshop may', () => {
    const rules = { ...DEFAULT_SCORING_RULES, pointsPerDifficulty: 10, hintCosts: [0.5] }
    expect(scoreSolve(medium, { elapsedMs: MINUTE, hintsUsed: 2 }, rules).points).toBe(10)
  })
})

describe('parseState', () => {
  const source = { path: '/p/progress.json', name: 'Your progress file', advice: 'ADVICE' }
  const message = (text: string) => {
    try {
      parseState(text, source)
    } catch (error) {
      expect(error).toBeInstanceOf(StateFileError)
      return (error as Error).message
    }
    throw new Error('parsed')
  }

  it('reads what it writes', () => {
    const state: State = { format: 1, active: 'x', scenarios: { x: { attempts: [{ startedAt: '2026-01-01T10:00:00.000Z', hints: [], checks: [] }] } } }
    expect(parseState(JSON.stringify(state), source)).toEqual(state)
  })

  it('says what is wrong and what to do, for broken, older, newer and damaged files', () => {
    expect(message('{"format": 1, "scen')).toMatch(/^Your progress file \/p\/progress\.json is not valid JSON .* ADVICE$/)
    expect(message('{"scenarios": {}}')).toMatch(/older or unknown format \(no format number; this drill reads format 1\).* ADVICE$/)
    expect(message('{"format": 0, "scenarios": {}}')).toMatch(/older or unknown format \(format 0;/)
    expect(message('{"format": 7, "scenarios": {}}')).toMatch(/written by a newer drill \(format 7.*git pull/)
    expect(message('{"format": 1, "scenarios": {"x": {"attempts": [{"startedAt": "yesterday"}]}}}')).toMatch(/is damaged \(scenarios\.x\.attempts\.0\.startedAt/)
  })
})

describe('progress', async () => {
  const allScenarios = await listScenarios(repoRoot)
  const scenarios = allScenarios
  const catalog = scenarios.find((scenario) => scenario.id === 'catalog-sold-out-stock')!
  const started = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE).toISOString()

  it('records checks of the active drill only, and a pass solves and scores it', () => {
    const state = emptyState()
    state.scenarios[catalog.id] = { attempts: [{ startedAt: started(10), hints: [{ index: 0, at: started(5) }], checks: [] }] }
    expect(recordCheck(state, scenarios[0]!, { verdict: 'pass', seed: 1, runtime: 'embedded', startedAt: new Date() })).toBeUndefined()
    state.active = catalog.id
    expect(recordCheck(state, catalog, { verdict: 'fail', seed: 2, runtime: 'embedded', startedAt: new Date() })).toMatchObject({ hintsUsed: 1 })
    expect(state.active).toBe(catalog.id)
    const solved = recordCheck(state, catalog, { verdict: 'pass', seed: 3, runtime: 'docker', startedAt: new Date() })
    expect(solved?.solve?.points).toBe(90)
    expect(solved?.elapsedMs).toBeGreaterThanOrEqual(10 * MINUTE - 1000)
    expect(state.active).toBeUndefined()
    const attempt = state.scenarios[catalog.id]!.attempts[0]!
    expect(attempt).toMatchObject({ outcome: 'solved', score: 90 })
    expect(attempt.checks.map((check) => check.verdict)).toEqual(['fail', 'pass'])
    const summary = summarize(scenarios, state)
    const drills = scenarios.filter((scenario) => !scenario.tutorial)
    expect(summary).toMatchObject({ solved: 1, total: drills.length, score: 90 })
    const sameKind = drills.filter((scenario) => scenario.pattern === catalog.pattern).length
    expect(summary.patterns.find((group) => group.pattern === catalog.pattern)).toMatchObject({ solved: 1, total: sameKind })
  })

  it('suggests the tutorial first, then an unsolved drill in the weakest pattern, easiest first, then the lowest score', () => {
    // Four drills of four patterns, whatever else the catalogue holds.
    const four = ['tutorial', 'catalog-sold-out-stock', 'orders-sticky-filters', 'accounts-duplicate-signup', 'billing-month-boundary']
    const scenarios = allScenarios.filter((scenario) => four.includes(scenario.id))
    const state = emptyState()
    expect(suggestNext(summarize(scenarios, state))?.scenario.id).toBe('tutorial')
    state.scenarios.tutorial = { attempts: [{ startedAt: started(10), hints: [], checks: [], outcome: 'solved', elapsedMs: 1000, score: 100 }] }
    expect(summarize(scenarios, state)).toMatchObject({ solved: 0, tutorial: { solved: true } })
    expect(suggestNext(summarize(scenarios, state))?.scenario.id).toBe('catalog-sold-out-stock')
    state.scenarios['catalog-sold-out-stock'] = { attempts: [{ startedAt: started(9), hints: [], checks: [], outcome: 'solved', elapsedMs: 1000, score: 100 }] }
    state.scenarios['orders-sticky-filters'] = { attempts: [{ startedAt: started(8), hints: [], checks: [], outcome: 'gave-up' }] }
    expect(suggestNext(summarize(scenarios, state))).toMatchObject({ scenario: { id: 'orders-sticky-filters' } })
    for (const id of ['orders-sticky-filters', 'accounts-duplicate-signup', 'billing-month-boundary']) {
      ;(state.scenarios[id] ??= { attempts: [] }).attempts.push({ startedAt: started(1), hints: [], checks: [], outcome: 'solved', elapsedMs: 1000, score: 150 })
    }
    expect(suggestNext(summarize(scenarios, state))).toMatchObject({ scenario: { id: 'billing-month-boundary' }, reason: expect.stringMatching(/lowest score/) })
  })

  it('merges another machine’s progress once, however often it is imported', () => {
    const here = emptyState()
    here.active = catalog.id
    here.scenarios[catalog.id] = { attempts: [{ startedAt: started(3), hints: [], checks: [] }] }
    const there = emptyState()
    there.scenarios[catalog.id] = { attempts: [{ startedAt: started(60), hints: [], checks: [], outcome: 'solved', elapsedMs: 5, score: 100 }] }
    there.scenarios['orders-sticky-filters'] = { attempts: [{ startedAt: started(50), hints: [], checks: [], outcome: 'gave-up' }] }
    expect(mergeStates(here, there)).toEqual({ added: 2 })
    expect(mergeStates(here, there)).toEqual({ added: 0 })
    expect(here.active).toBe(catalog.id)
    expect(here.scenarios[catalog.id]!.attempts.map((attempt) => attempt.outcome)).toEqual(['solved', undefined])
    expect(summarize(scenarios, here).solved).toBe(1)
  })
})
