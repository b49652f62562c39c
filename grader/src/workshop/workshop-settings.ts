import { z } from 'zod'
import { DEFAULT_SCORING_RULES, type ScoringRules } from '../progress/scoring.js'

const share = z.number().min(0).max(1)

export const ScoringRulesSchema = z.object({
  pointsPerDifficulty: z.number().int().positive().max(10_000).default(DEFAULT_SCORING_RULES.pointsPerDifficulty),
  hintCosts: z.array(share).max(10).default([...DEFAULT_SCORING_RULES.hintCosts]),
  overtimePenalty: share.default(DEFAULT_SCORING_RULES.overtimePenalty),
  floor: share.default(DEFAULT_SCORING_RULES.floor)
})

/** What a facilitator sends to create a workshop. */
export const NewWorkshopSchema = z.object({
  title: z.string().trim().min(1).max(120),
  scenarios: z.array(z.string().min(1)).min(1).max(50),
  durationMinutes: z.number().int().min(1).max(24 * 60),
  freezeMinutes: z.number().int().min(0).max(24 * 60).default(0),
  mode: z.enum(['individual', 'team']).default('individual'),
  scoring: ScoringRulesSchema.default(ScoringRulesSchema.parse({}))
})

export type NewWorkshop = z.infer<typeof NewWorkshopSchema>

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

const Name = z
  .string()
  .max(200)
  .transform(displayName)
  .pipe(z.string().min(1, 'needs at least one visible character').max(40, 'is limited to 40 characters'))

export const JoinSchema = z.object({
  code: z.string().trim().toUpperCase().min(4).max(12),
  name: Name,
  team: Name.optional()
})

export const SubmitSchema = z.object({
  scenario: z.string().min(1).max(100),
  diff: z.string()
})

export const HintRequestSchema = z.object({ scenario: z.string().min(1).max(100) })
