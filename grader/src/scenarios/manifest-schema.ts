import { z } from 'zod'

export const BUG_CLASSES = ['environment-mismatch', 'type-coercion', 'stale-state', 'missing-await'] as const

/** The kinds of wrong fix a scenario's hacks stand for (scenarios/README.md). */
export const HACK_FAMILIES = [
  'outside-src',
  'recognisable-data',
  'partial-boundary',
  'race',
  'neighbouring-path',
  'stored-state',
  'one-error-for-all',
  'hard-coded',
  'swallowed-error',
  'sleep',
  'removed-feature'
] as const

export type HackFamily = (typeof HACK_FAMILIES)[number]

export const HintSchema = z.object({
  text: z.string().min(1),
  /** Minutes into the drill before this hint can be shown. */
  availableAfterMinutes: z.number().int().min(0).default(0)
})

export const ManifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
  title: z.string().min(1),
  service: z.string().regex(/^[a-z0-9-]+$/),
  bugClass: z.enum(BUG_CLASSES),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  timeLimitMinutes: z.number().int().positive(),
  /** The production-like environment the service runs under when graded. */
  environment: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string()).default({}),
  hints: z.array(HintSchema).length(3),
  /** Requests that show the symptom, replayed by `drill repro`. */
  repro: z
    .array(
      z.object({
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
        path: z.string().startsWith('/'),
        body: z.unknown().optional(),
        note: z.string().optional()
      })
    )
    .default([])
})

export type Manifest = z.infer<typeof ManifestSchema>
export type BugClass = (typeof BUG_CLASSES)[number]
export type Hint = z.infer<typeof HintSchema>

export const DIFFICULTY_NAMES = { 1: 'easy', 2: 'medium', 3: 'hard' } as const
