import { z } from 'zod'

/**
 * The root cause, named finely. The first four are the classes the curriculum promises at least three drills of
 * (scenarios/README.md, "Coverage").
 */
export const BUG_CLASSES = [
  'environment-mismatch',
  'type-coercion',
  'stale-state',
  'missing-await',
  'off-by-one',
  'null-handling',
  'shared-mutation',
  'race-condition',
  'transaction-scope',
  'resource-leak',
  'money-rounding',
  'idempotency',
  'contract-mismatch'
] as const

/** The bug patterns of the debugging article: every pattern has at least two drills. */
export const PATTERNS = ['off-by-one', 'type-and-null', 'mutation', 'async-timing', 'stale-state', 'environment'] as const

/** The pattern a class usually belongs to: what `drill new scenario` proposes. */
export const PATTERN_OF_CLASS: Record<(typeof BUG_CLASSES)[number], (typeof PATTERNS)[number]> = {
  'environment-mismatch': 'environment',
  'type-coercion': 'type-and-null',
  'stale-state': 'stale-state',
  'missing-await': 'async-timing',
  'off-by-one': 'off-by-one',
  'null-handling': 'type-and-null',
  'shared-mutation': 'mutation',
  'race-condition': 'async-timing',
  'transaction-scope': 'stale-state',
  'resource-leak': 'stale-state',
  'money-rounding': 'type-and-null',
  idempotency: 'async-timing',
  'contract-mismatch': 'type-and-null'
}

export const PATTERN_NAMES = {
  'off-by-one': 'off-by-one',
  'type-and-null': 'type mismatch and null',
  mutation: 'mutation',
  'async-timing': 'async timing',
  'stale-state': 'stale state',
  environment: 'environment'
} as const

/**
 * What it takes for the symptom to show: production's settings (the check's environment, not the laptop's
 * `.env`), concurrent requests, a background job, or more than one service.
 */
export const TRAITS = ['production-only', 'concurrency', 'background-job', 'cross-service'] as const

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
  /**
   * Other services the drill's service calls, started beside it (each with its own database) by the check and by
   * `drill run`, from the base commit: the trainee's fix belongs in `service`.
   */
  dependsOn: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  bugClass: z.enum(BUG_CLASSES),
  pattern: z.enum(PATTERNS),
  traits: z.array(z.enum(TRAITS)).default([]),
  /** The tracks (scenarios/tracks.yaml) this drill belongs to, each with its position in that track (1 is first). */
  tracks: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.number().int().positive()).default({}),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** The guided first drill: exempt from the alternatives and hacks a real drill needs. */
  tutorial: z.boolean().default(false),
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
        note: z.string().optional(),
        /** Wait this long before sending, as a user would (a background job has its moment to run). */
        waitMs: z.number().int().min(0).max(30_000).optional(),
        /** Keeps the JSON answer under this name: later steps use `{{name.field}}` (e.g. `{{order.id}}`). */
        saveAs: z.string().regex(/^[a-z][A-Za-z0-9]*$/).optional()
      })
    )
    .superRefine((steps, context) => {
      const saved = new Set<string>()
      steps.forEach((step, index) => {
        for (const [, name] of JSON.stringify([step.path, step.body]).matchAll(/\{\{([a-z][A-Za-z0-9]*)\.[^}]*\}\}/g)) {
          if (!saved.has(name ?? '')) context.addIssue({ code: 'custom', path: [index], message: `uses {{${name}...}}, but no earlier step saves an answer as "${name}" (saveAs)` })
        }
        if (step.saveAs) saved.add(step.saveAs)
      })
    })
    .default([])
})

export type Manifest = z.infer<typeof ManifestSchema>
export type BugClass = (typeof BUG_CLASSES)[number]
export type Pattern = (typeof PATTERNS)[number]
export type Trait = (typeof TRAITS)[number]
export type Hint = z.infer<typeof HintSchema>

export const DIFFICULTY_NAMES = { 1: 'easy', 2: 'medium', 3: 'hard' } as const
