import type { Manifest } from './manifest-schema.js'

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
}
