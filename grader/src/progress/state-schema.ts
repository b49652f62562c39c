import { z } from 'zod'

/** Bumped when the file's shape changes; `readState` says what to do with any other format. */
export const STATE_FORMAT = 1

const timestamp = z.iso.datetime()

export const AttemptSchema = z.object({
  startedAt: timestamp,
  /** Hints shown, in order: `index` into the scenario's hints. */
  hints: z.array(z.object({ index: z.number().int().min(0), at: timestamp })),
  checks: z.array(
    z.object({
      at: timestamp,
      verdict: z.enum(['pass', 'fail', 'error']),
      seed: z.number().int(),
      runtime: z.string()
    })
  ),
  /** Absent while the attempt is open. */
  outcome: z.enum(['solved', 'gave-up', 'abandoned']).optional(),
  endedAt: timestamp.optional(),
  /** From start to the start of the passing check. */
  elapsedMs: z.number().int().min(0).optional(),
  score: z.number().int().min(0).optional()
})

export const StateSchema = z.object({
  format: z.literal(STATE_FORMAT),
  /** The scenario `drill start` began last, until it is solved, given up or reset. */
  active: z.string().optional(),
  /** The track `drill next` follows, set by `drill next --track <id>` until `--track all`. */
  track: z.string().optional(),
  scenarios: z.record(z.string(), z.object({ attempts: z.array(AttemptSchema) }))
})

export type Attempt = z.infer<typeof AttemptSchema>
export type State = z.infer<typeof StateSchema>

export function emptyState(): State {
  return { format: STATE_FORMAT, scenarios: {} }
}
