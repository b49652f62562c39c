// The README's first command ends here: grade the first drill as shipped. Its FAIL is the
// point (that is the bug to fix), so a failing verdict exits 0; only an error fails the command.
import { spawnSync } from 'node:child_process'

const scenario = 'catalog-sold-out-stock'
const drill = new URL('../grader/bin/drill.js', import.meta.url).pathname
const { status } = spawnSync(process.execPath, [drill, 'check', scenario, '--runtime', 'embedded'], { stdio: 'inherit' })

if (status === 1) {
  console.log(`
That FAIL is the bug you are here to find: the service is broken as shipped.
  Ticket:   scenarios/${scenario}/ticket.md
  Service:  services/catalog (run its tests: npm test -w @debug-drills/catalog)
  Check:    npx drill check ${scenario}
Every drill: npx drill list`)
  process.exit(0)
}
if (status === 0) console.log(`\n${scenario} already passes in this working copy. Pick another drill: npx drill list`)
process.exit(status ?? 2)
