import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dockerAvailable, expectNoGradingProcesses, runDrill, startDrill, tempCheckout, type TempCheckout } from '@debug-drills/test-support'

// The tutorial, made to depend on catalog in a throwaway checkout: a drill that spans two services.
let checkout: TempCheckout
const docker = await dockerAvailable()

const BESIDE = `
import { check, dependency, dependencyDatabase, expectStatus, random, scenarioTest } from '@debug-drills/drill-kit'

scenarioTest('catalog runs beside greetings, with a database of its own', async () => {
  const catalog = dependency('catalog')
  const sku = random.sku()
  const created = await catalog.post('/products', { sku, name: random.productName(), category: random.category(), priceCents: 1250, stock: 3 })
  expectStatus(created, 201, 'creating a product in catalog')
  const rows = await dependencyDatabase('catalog').query<{ stock: number }>('SELECT stock FROM products WHERE sku = $1', [sku])
  check(rows.length === 1 && rows[0]?.stock === 3, 'catalog stored ' + JSON.stringify(rows))
})
`

beforeAll(() => {
  checkout = tempCheckout()
  const manifest = join(checkout.root, 'scenarios', 'tutorial', 'scenario.yaml')
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^service: greetings$/m, 'service: greetings\ndependsOn: [catalog]'))
  const invariant = join(checkout.root, 'scenarios', 'tutorial', 'tests', 'invariant.test.ts')
  writeFileSync(invariant, readFileSync(invariant, 'utf8') + BESIDE.replace("import { check, dependency, dependencyDatabase, expectStatus, random, scenarioTest } from '@debug-drills/drill-kit'", "import { dependency, dependencyDatabase } from '@debug-drills/drill-kit'"))
  checkout.git('add', '-A')
  checkout.git('-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '--quiet', '-m', 'tutorial depends on catalog')
  // As if it came from upstream: the grader takes scenarios from where the branch left its upstream.
  checkout.git('update-ref', `refs/remotes/origin/${checkout.git('branch', '--show-current').trim()}`, 'HEAD')
})
afterAll(async () => {
  checkout[Symbol.dispose]()
  await expectNoGradingProcesses()
})

async function check(runtime: string) {
  const file = join(tmpdir(), `dependencies-${process.pid}-${runtime}.json`)
  const run = await runDrill(['check', 'tutorial', '--shipped', '--runtime', runtime, '--seed', '7', '--json', file], { cwd: checkout.root })
  const results = JSON.parse(readFileSync(file, 'utf8')) as { status: string; tests: { name: string; status: string; message?: string }[] }
  return { run, results }
}

describe('a drill whose service calls another', () => {
  it('grades with the other service started from the base commit, on embedded PostgreSQL', async () => {
    const { run, results } = await check('embedded')
    const beside = results.tests.find((test) => test.name.includes('catalog runs beside greetings'))
    expect(beside, run.stdout + run.stderr).toMatchObject({ status: 'pass' })
    // The drill's own tests ran as before: the shipped bug still fails.
    expect(results.status).toBe('fail')
  })

  it.skipIf(!docker)('grades with the other service in a container in the check’s sandbox, on Docker', async () => {
    const { run, results } = await check('docker')
    expect(results.tests.find((test) => test.name.includes('catalog runs beside greetings')), run.stdout + run.stderr).toMatchObject({ status: 'pass' })
  })

  it('drill run starts the other service first, tells the banner, and stops both on Ctrl-C', async () => {
    await using run = startDrill(['run', 'tutorial', '--port', '3912'], { cwd: checkout.root })
    await run.waitFor(/Stop {7}Ctrl-C stops the service and its database/, 120_000)
    const calls = /Calls {6}catalog on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output())
    expect(calls, run.output()).not.toBeNull()
    const health = await fetch(`${calls?.[1] ?? ''}/health`)
    expect(health.status).toBe(200)
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(0)
    expect(run.output()).toMatch(/Stopped greetings and its database, then catalog\./)
    await expect(fetch(`${calls?.[1] ?? ''}/health`)).rejects.toThrow()
  })
})
