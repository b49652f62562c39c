import type { HackFamily, Manifest } from './manifest-schema.js'

/** Another correct fix, or a plausible wrong one: a patch from the repository root with a note. */
export interface FixVariant {
  name: string
  path: string
  /** What it does differently (an alternative) or what a user would still see (a hack). */
  note: string
}

export interface Hack extends FixVariant {
  family: HackFamily
}

/** A scenario as read from `scenarios/<id>/`: its manifest and the paths of everything around it. */
export interface Scenario extends Manifest {
  dir: string
  ticketPath: string
  explanationPath: string
  fixPatchPath: string
  /** Fail on the shipped bug, pass once fixed. */
  regressionTestsPath: string
  /** Pass on both: guard against removed features and canned answers. */
  invariantTestsPath: string
  /** Other correct fixes: each must pass. */
  alternatives: FixVariant[]
  /** Plausible wrong fixes: each must fail. */
  hacks: Hack[]
}
