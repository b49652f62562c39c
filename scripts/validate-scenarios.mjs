// The catalogue's quality gate in the test suite: every scenario, with fresh data each round:
// the planted bug fails, the reference fix and every alternative pass, every hack fails, and the
// service's own suite passes with the bug planted. On demand every version is graded on both
// runtimes, two rounds each. CI grades every version once on the embedded runtime (the trainee's
// default, and the cheaper check) and, on Docker, each drill's bug and reference fix: that the
// Docker runtime grades every drill as the embedded one does. The grader's own tests cover what
// Docker adds (the sandbox, its limits, clean-up). Grading every version on Docker as well does not
// fit CI's 90 minutes on two cores. Without a Docker daemon it says so loudly and validates on the
// embedded runtime only; in CI a missing daemon is a failure. DRILL_VALIDATE_REPEAT sets the rounds.
import { spawnSync } from 'node:child_process'

const drill = new URL('../grader/bin/drill.js', import.meta.url).pathname
const repeat = process.env.DRILL_VALIDATE_REPEAT ?? (process.env.CI ? '1' : '2')
const docker = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0
const runtimes = ['embedded']
if (docker) runtimes.push('docker')
else if (process.env.CI) {
  console.error('validate-scenarios: CI must validate on the Docker runtime too, but `docker info` fails. Start the Docker daemon.')
  process.exit(2)
} else {
  console.warn('\n!!! No Docker daemon answers: validating on the EMBEDDED runtime only. CI validates on Docker too. !!!\n')
}
for (const [index, runtime] of runtimes.entries()) {
  const began = Date.now()
  // The services' own suites (with each bug planted) do not depend on the runtime: run them once.
  const suite = index === 0 ? [] : ['--skip-service-suite']
  const versions = process.env.CI && runtime === 'docker' ? ['--only', 'shipped', '--only', 'reference-fix'] : []
  const { status } = spawnSync(process.execPath, [drill, 'validate', '--all', '--repeat', repeat, '--jobs', '2', '--runtime', runtime, ...suite, ...versions], { stdio: 'inherit' })
  console.log(`validate-scenarios: ${runtime} runtime, ${versions.length ? 'the bug and the reference fix' : 'every version'}, ${repeat} round(s), ${Math.round((Date.now() - began) / 1000)} s`)
  if (status !== 0) process.exit(status ?? 2)
}
