// The README's first command ends here: it proves the set-up by grading the tutorial drill as it
// ships (the base commit with its bug planted, whatever the working copy holds). Its FAIL is the
// point (that is the bug the tutorial teaches you to find), so a failing verdict exits 0; only an
// error, or a tutorial that passes with its bug in, fails the command.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

const scenario = 'tutorial'
const root = new URL('..', import.meta.url).pathname
const drill = `${root}grader/bin/drill.js`
const { status } = spawnSync(process.execPath, [drill, 'check', scenario, '--shipped', '--runtime', 'embedded'], { stdio: 'inherit' })
if (status === 1) await prepareServices()

/**
 * Every service's Prisma client, generated now (two at a time), so that the first `drill run` of
 * any drill starts the service at once instead of generating it first.
 */
async function prepareServices() {
  const missing = readdirSync(`${root}services`).filter(
    (service) => existsSync(`${root}services/${service}/prisma/schema.prisma`) && !existsSync(`${root}services/${service}/src/generated/prisma/client.ts`)
  )
  if (missing.length === 0) return
  process.stdout.write(`\nPreparing ${missing.length} services for \`drill run\` (their Prisma clients)…`)
  const generate = (service) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [`${root}node_modules/@debug-drills/prisma-offline/bin/prisma-generate-offline.js`], { cwd: `${root}services/${service}`, stdio: 'ignore' })
      child.on('close', (code) => resolve(code === 0 ? undefined : service))
      child.on('error', () => resolve(service))
    })
  const failed = []
  const queue = [...missing]
  await Promise.all(
    [0, 1].map(async () => {
      for (let service = queue.shift(); service; service = queue.shift()) {
        const problem = await generate(service)
        if (problem) failed.push(problem)
      }
    })
  )
  // Not fatal: `drill run` generates a missing client itself, and says why if it cannot.
  console.log(failed.length ? ` done, except ${failed.join(', ')} (\`drill run\` will try again).` : ' done.')
}

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
