// The catalogue's quality gate in the test suite: every scenario must fail on its shipped bug
// and pass with its reference fix, twice with fresh data, on the Docker runtime. Without a
// Docker daemon it says so loudly and validates on the embedded runtime; in CI a missing
// daemon is a failure.
import { spawnSync } from 'node:child_process'

const drill = new URL('../grader/bin/drill.js', import.meta.url).pathname
const docker = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0
let runtime = 'docker'
if (!docker) {
  if (process.env.CI) {
    console.error('validate-scenarios: CI must validate on the Docker runtime, but `docker info` fails. Start the Docker daemon.')
    process.exit(2)
  }
  console.warn('\n!!! No Docker daemon answers: validating on the EMBEDDED runtime instead. CI validates on Docker. !!!\n')
  runtime = 'embedded'
}
const { status } = spawnSync(process.execPath, [drill, 'validate', '--all', '--repeat', '2', '--runtime', runtime], { stdio: 'inherit' })
process.exit(status ?? 2)
