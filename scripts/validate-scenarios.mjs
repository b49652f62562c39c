// The catalogue's quality gate in the test suite: every scenario, with fresh data each round:
// the planted bug fails, the reference fix and every alternative pass, every hack fails. On
// demand every version is graded on both runtimes, twice. CI grades every version once on
// Docker (the runtime a workshop's server grades on) and, on the embedded runtime, the bug, the
// reference fix and the alternatives: a correct fix that the trainee's default runtime failed
// would be the worst wrong verdict. Hacks go through Docker only there, to stay within CI's time.
// Without a Docker daemon it says so loudly and validates everything on the embedded runtime;
// in CI a missing daemon is a failure. DRILL_VALIDATE_REPEAT sets the rounds per runtime.
import { spawnSync } from 'node:child_process'

const drill = new URL('../grader/bin/drill.js', import.meta.url).pathname
const repeat = process.env.DRILL_VALIDATE_REPEAT ?? (process.env.CI ? '1' : '2')
const docker = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0
const runtimes = ['embedded']
if (docker) runtimes.unshift('docker')
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
  const versions = process.env.CI && runtime === 'embedded' && docker ? ['--only', 'shipped', '--only', 'reference-fix', '--only', 'alternatives'] : []
  const { status } = spawnSync(process.execPath, [drill, 'validate', '--all', '--repeat', repeat, '--jobs', '2', '--runtime', runtime, ...suite, ...versions], { stdio: 'inherit' })
  console.log(`validate-scenarios: ${runtime} runtime, ${versions.length ? 'the bug, the fix and the alternatives' : 'every version'}, ${repeat} round(s), ${Math.round((Date.now() - began) / 1000)} s`)
  if (status !== 0) process.exit(status ?? 2)
}
