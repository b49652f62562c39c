import { type Scenario, scoreSolve, type ScoringRules } from '@debug-drills/grader'
import { boardFreezeMs, durationMs, phase, workshopElapsedMs, type Phase } from './clock.js'
import type { HintUse, Participant, Submission, Workshop, WorkshopDb } from './workshop-db.js'
import { scoringRules } from './workshop-settings.js'

export interface BoardSolve {
  scenario: string
  elapsedMs: number
  points: number
  hints: number
  /** The first solve of this scenario in the workshop. */
  first: boolean
}

export interface BoardEntry {
  rank: number
  /** The participant's id, or `team:<name>` in team mode. */
  entrant: string
  name: string
  members: string[]
  points: number
  solves: BoardSolve[]
  hints: number
  submissions: number
  /** Cumulative points after each solve, for the chart. */
  series: { elapsedMs: number; points: number }[]
}

export interface BoardScenario {
  id: string
  title: string
  difficulty: number
  timeLimitMinutes: number
  firstSolve: { name: string; elapsedMs: number } | null
}

export interface Board {
  workshop: {
    id: string
    title: string
    joinCode: string
    mode: Workshop['mode']
    phase: Phase
    round: number
    durationMs: number
    elapsedMs: number
  }
  /** The workshop clock where the shown results stop, when the board is frozen. */
  frozenAtMs: number | null
  scenarios: BoardScenario[]
  entries: BoardEntry[]
  /** When the latest verdict shown was written, by the server's clock. */
  lastVerdictAt: string | null
  generatedAt: string
}

export type ScenarioCatalog = ReadonlyMap<string, Scenario>

/** The entrant a participant scores for: themselves, or their team in team mode. */
export function entrantOf(workshop: Pick<Workshop, 'mode'>, participant: Pick<Participant, 'id' | 'team'>): string {
  return workshop.mode === 'team' && participant.team ? `team:${participant.team}` : participant.id
}

/**
 * The board of the workshop's current round, computed from the server's own records: only
 * submissions the server graded count. `live` shows everything; otherwise a freeze applies.
 */
export async function computeBoard(db: WorkshopDb, workshop: Workshop, catalog: ScenarioCatalog, options: { live?: boolean; now?: number } = {}): Promise<Board> {
  const now = options.now ?? Date.now()
  const where = { workshopId: workshop.id, round: workshop.round }
  const [participants, submissions, hints] = await Promise.all([
    db.participant.findMany({ where, orderBy: { joinedAt: 'asc' } }),
    db.submission.findMany({
      where,
      select: { entrant: true, scenario: true, status: true, elapsedMs: true, gradedAt: true },
      orderBy: { elapsedMs: 'asc' }
    }),
    db.hintUse.findMany({ where, orderBy: { elapsedMs: 'asc' } })
  ])
  return buildBoard({ workshop, catalog, participants, submissions, hints, now, live: options.live ?? false })
}

interface BoardInput {
  workshop: Workshop
  catalog: ScenarioCatalog
  participants: Participant[]
  submissions: Pick<Submission, 'entrant' | 'scenario' | 'status' | 'elapsedMs' | 'gradedAt'>[]
  hints: HintUse[]
  now: number
  live: boolean
}

export function buildBoard({ workshop, catalog, participants, submissions, hints, now, live }: BoardInput): Board {
  const frozenAtMs = live ? null : boardFreezeMs(workshop, now)
  const visible = <T extends { elapsedMs: number }>(row: T) => frozenAtMs === null || row.elapsedMs <= frozenAtMs
  const rules: ScoringRules = scoringRules(workshop.scoring)

  const entrants = new Map<string, { name: string; members: string[] }>()
  for (const participant of participants) {
    const key = entrantOf(workshop, participant)
    const entry = entrants.get(key) ?? { name: key.startsWith('team:') ? key.slice(5) : participant.name, members: [] }
    entry.members.push(participant.name)
    entrants.set(key, entry)
  }

  const firstSolves = new Map<string, { entrant: string; elapsedMs: number }>()
  const solvesBy = new Map<string, Map<string, number>>()
  const submissionsBy = new Map<string, number>()
  let lastVerdict: Date | null = null
  for (const submission of submissions.filter(visible)) {
    submissionsBy.set(submission.entrant, (submissionsBy.get(submission.entrant) ?? 0) + 1)
    if (submission.gradedAt && (!lastVerdict || submission.gradedAt > lastVerdict)) lastVerdict = submission.gradedAt
    if (submission.status !== 'passed' || !workshop.scenarios.includes(submission.scenario)) continue
    const solved = solvesBy.get(submission.entrant) ?? new Map<string, number>()
    if (!solved.has(submission.scenario)) solved.set(submission.scenario, submission.elapsedMs)
    solvesBy.set(submission.entrant, solved)
    const first = firstSolves.get(submission.scenario)
    if (!first || submission.elapsedMs < first.elapsedMs) firstSolves.set(submission.scenario, { entrant: submission.entrant, elapsedMs: submission.elapsedMs })
  }

  const entries = [...entrants].map(([entrant, { name, members }]): Omit<BoardEntry, 'rank'> => {
    const ownHints = hints.filter((hint) => hint.entrant === entrant && visible(hint))
    const solves = [...(solvesBy.get(entrant) ?? new Map<string, number>())].map(([scenarioId, elapsedMs]): BoardSolve => {
      const scenario = catalog.get(scenarioId)
      const hintsBefore = ownHints.filter((hint) => hint.scenario === scenarioId && hint.elapsedMs <= elapsedMs).length
      const score = scenario ? scoreSolve(scenario, { elapsedMs, hintsUsed: hintsBefore }, rules) : { points: 0 }
      return { scenario: scenarioId, elapsedMs, points: score.points, hints: hintsBefore, first: firstSolves.get(scenarioId)?.entrant === entrant }
    })
    solves.sort((a, b) => a.elapsedMs - b.elapsedMs)
    let total = 0
    const series = [{ elapsedMs: 0, points: 0 }, ...solves.map((solve) => ({ elapsedMs: solve.elapsedMs, points: (total += solve.points) }))]
    return { entrant, name, members, points: total, solves, hints: ownHints.length, submissions: submissionsBy.get(entrant) ?? 0, series }
  })

  // More points first; on a tie, whoever got there first; then by name, so the order is stable.
  const lastSolve = (entry: Omit<BoardEntry, 'rank'>) => entry.solves.at(-1)?.elapsedMs ?? Number.POSITIVE_INFINITY
  entries.sort((a, b) => b.points - a.points || lastSolve(a) - lastSolve(b) || a.name.localeCompare(b.name))
  const ranked: BoardEntry[] = []
  entries.forEach((entry, index) => {
    const previous = ranked[index - 1]
    const tied = previous && previous.points === entry.points && lastSolve(previous) === lastSolve(entry)
    ranked.push({ ...entry, rank: tied ? previous.rank : index + 1 })
  })

  return {
    workshop: {
      id: workshop.id,
      title: workshop.title,
      joinCode: workshop.joinCode,
      mode: workshop.mode,
      phase: phase(workshop, now),
      round: workshop.round,
      durationMs: durationMs(workshop),
      elapsedMs: workshopElapsedMs(workshop, now)
    },
    frozenAtMs,
    scenarios: workshop.scenarios.map((id) => {
      const scenario = catalog.get(id)
      const first = firstSolves.get(id)
      return {
        id,
        title: scenario?.title ?? id,
        difficulty: scenario?.difficulty ?? 1,
        timeLimitMinutes: scenario?.timeLimitMinutes ?? 0,
        firstSolve: first ? { name: entrants.get(first.entrant)?.name ?? '?', elapsedMs: first.elapsedMs } : null
      }
    }),
    entries: ranked,
    lastVerdictAt: lastVerdict?.toISOString() ?? null,
    generatedAt: new Date(now).toISOString()
  }
}
