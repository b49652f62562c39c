// The README's first command ends here: grade the first drill as shipped. Its FAIL is the
// point (that is the bug to fix), so a failing verdict exits 0; only an error fails the command.
import { spawnSync } from 'node:child_process'

const scenario = 'catalog-sold-out-stock'
const drill = new URL('../grader/bin/drill.js', import.meta.url).pathname
const { status } = spawnSync(process.execPath, [drill, 'check', scenario, '--runtime', 'embedded'], { stdio: 'inherit' })

if (status === 1) {
  console.log(`
That FAIL is the bug you are here to find: the service is broken as shipped.
Do it as a timed drill, with the ticket, a running service and hints:
  npx drill start ${scenario}    the ticket, and the clock starts
  npx drill run --inspect        the service and its database (in a second terminal)
  npx drill repro                see the symptom
  npx drill check                grade your fix
Every drill: npx drill list; what to do next: npx drill next`)
  process.exit(0)
}
if (status === 0) console.log(`\n${scenario} already passes in this working copy. Pick another drill: npx drill list`)
process.exit(status ?? 2)
