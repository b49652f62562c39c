import type { GradeReport } from '../grading/grade-report.js'

/**
 * Machine-readable results, modelled on Exercism's results.json version 3: `version`,
 * `status`, `message` (on error) and `tests[]` with `name`, `status` and `message`. What is
 * ours sits under `drill`. The schema is documented in grader/README.md.
 */
export function toResultsJson(report: GradeReport) {
  return {
    version: 3,
    status: report.verdict,
    ...(report.problem ? { message: report.problem.message } : {}),
    tests: report.tests.map((test) => ({
      name: test.name,
      status: test.status,
      ...(test.message ? { message: test.message } : {}),
      set: test.set,
      duration_ms: test.durationMs
    })),
    drill: {
      scenario: report.scenario,
      service: report.service,
      runtime: report.runtime,
      source: report.source,
      seed: report.seed,
      environment: report.environment,
      ...(report.source === 'working-copy' ? { reproduce: `drill check ${report.scenario} --seed ${report.seed} --runtime ${report.runtime}` } : {}),
      ...(report.problem ? { problem: report.problem } : {}),
      changes: { source: report.changes.source, ignored: report.changes.ignored, ...(report.changes.links ? { links: report.changes.links } : {}) },
      timings: report.timings,
      duration_ms: report.durationMs
    }
  }
}
