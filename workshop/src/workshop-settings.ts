import { z } from 'zod'
import { DEFAULT_SCORING_RULES, type ScoringRules } from '@debug-drills/grader'
import { invalidRequest } from './app-context.js'
import type { JoinBody, NewWorkshopBody } from '@debug-drills/workshop-contract'

const share = z.number().min(0).max(1)

export const ScoringRulesSchema = z.object({
  pointsPerDifficulty: z.number().int().positive().max(10_000).default(DEFAULT_SCORING_RULES.pointsPerDifficulty),
  hintCosts: z.array(share).max(10).default([...DEFAULT_SCORING_RULES.hintCosts]),
  overtimePenalty: share.default(DEFAULT_SCORING_RULES.overtimePenalty),
  floor: share.default(DEFAULT_SCORING_RULES.floor)
})

/** The rules stored with a workshop; anything unreadable falls back to the defaults. */
export function scoringRules(stored: unknown): ScoringRules {
  const parsed = ScoringRulesSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : DEFAULT_SCORING_RULES
}

/**
 * What a board may show of a name: NFC, without control, format (bidi overrides, zero-width),
 * private-use or unassigned characters, and with each run of white space as one space.
 */
export function displayName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, '')
    .replace(/[\s\p{Z}]+/gu, ' ')
    .trim()
}

/** A new workshop as the facilitator asked for it, with the title trimmed and the defaults filled in. */
export function newWorkshop(input: NewWorkshopBody) {
  const title = input.title.trim()
  if (title.length > 120) throw invalidRequest([{ field: 'title', message: 'is limited to 120 characters' }])
  return {
    title,
    scenarios: [...new Set(input.scenarios)],
    durationMinutes: input.durationMinutes,
    freezeMinutes: input.freezeMinutes ?? 0,
    mode: input.mode ?? 'individual',
    scoring: {
      pointsPerDifficulty: input.scoring?.pointsPerDifficulty ?? DEFAULT_SCORING_RULES.pointsPerDifficulty,
      hintCosts: [...(input.scoring?.hintCosts ?? DEFAULT_SCORING_RULES.hintCosts)],
      overtimePenalty: input.scoring?.overtimePenalty ?? DEFAULT_SCORING_RULES.overtimePenalty,
      floor: input.scoring?.floor ?? DEFAULT_SCORING_RULES.floor
    }
  }
}

function visibleName(field: string, raw: string): string {
  const name = displayName(raw)
  if (name.length === 0) throw invalidRequest([{ field, message: 'needs at least one visible character' }])
  if (name.length > 40) throw invalidRequest([{ field, message: 'is limited to 40 characters' }])
  return name
}

/** A join as the server records it: the code as printed, the names as a board may show them. */
export function joinRequest(input: JoinBody): { code: string; name: string; team?: string } {
  const code = input.code.trim().toUpperCase()
  if (code.length < 4 || code.length > 12) throw invalidRequest([{ field: 'code', message: 'is 4 to 12 characters long' }])
  return { code, name: visibleName('name', input.name), ...(input.team !== undefined ? { team: visibleName('team', input.team) } : {}) }
}
