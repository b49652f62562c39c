import { bundleInto, type BundleResult } from './bundle-service.js'
import { typecheckService, type TypecheckResult } from './typecheck-service.js'

/** A graded service's type-check and, unless its bundle is cached, its bundle: what a confined build runs. */
export interface BuildJob {
  buildDir: string
  repoRoot: string
  service: string
  /** What the build may read (see readableRoots). */
  roots: string[]
  /** A self-contained bundle into `outDir`, its source map pointing at `sourceRoot`. */
  bundle?: { outDir: string; sourceRoot: string }
}

export interface BuildOutcome {
  typecheck: TypecheckResult
  bundle?: BundleResult
}

/** The same code as a build on the host, so verdicts and messages are the same wherever it runs. */
export async function runBuildJob(job: BuildJob): Promise<BuildOutcome> {
  const { buildDir, repoRoot, service, roots, bundle } = job
  const [typecheck, bundled] = await Promise.all([
    typecheckService(buildDir, `services/${service}/`, undefined, roots),
    bundle && bundleInto({ buildDir, sourceRoot: bundle.sourceRoot, mode: 'self-contained', repoRoot, service, roots }, bundle.outDir)
  ])
  return { typecheck, ...(bundled ? { bundle: bundled } : {}) }
}
