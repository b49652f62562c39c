// The README's first command ends here: it proves the set-up by grading the tutorial drill as it
// ships (the base commit with its bug planted, whatever the working copy holds). Its FAIL is the
// point (that is the bug the tutorial teaches you to find), so a failing verdict exits 0; only an
// error, or a tutorial that passes with its bug in, fails the command.
import { spawnSync } from 'node:child_process'

const scenario = 'tutorial'
const drill = new URL('../grader/bin/drill.js', import.meta.url).pathname
const { status } = spawnSync(process.execPath, [drill, 'check', scenario, '--shipped', '--runtime', 'embedded'], { stdio: 'inherit' })

if (status === 1) {
  console.log(`
Your set-up works: the grader built and ran the greetings service on a real PostgreSQL, and
its hidden tests found the bug the tutorial plants. Now find it yourself, step by step:
  npx drill start ${scenario}    prints the ticket and a walkthrough, and starts the clock
Then every drill: npx drill list; what to do next: npx drill next`)
  process.exit(0)
}
if (status === 0) {
  console.error(`\nThe ${scenario} drill passed with its bug planted, so its hidden tests prove nothing. This is a bug in the repository: please report it.`)
  process.exit(1)
}
process.exit(status ?? 2)
