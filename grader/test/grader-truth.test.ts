import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dockerAvailable, type DrillRun, expectNoGradingProcesses, runDrill, tempCheckout, type TempCheckout } from '@debug-drills/test-support'
import { replaceInFile } from './support/edit.js'

const BILLING = 'billing-month-boundary'

interface ResultsJson {
  status: string
  tests: { name: string; status: string; message?: string }[]
  drill: { seed: number; environment: Record<string, string>; changes: { source: string[]; ignored: string[] } }
}

afterEach(async () => {
  await expectNoGradingProcesses()
})

async function startDrill(checkout: TempCheckout, scenario: string): Promise<void> {
  const started = await runDrill(['start', scenario, '--yes'], { cwd: checkout.root })
  expect(started.exitCode, started.stderr).toBe(0)
}

async function checkWithSeed(checkout: TempCheckout, seed: number, runtime = 'embedded'): Promise<{ run: DrillRun; results: ResultsJson }> {
  const file = join(tmpdir(), `results-${process.pid}-${Date.now()}.json`)
  const run = await runDrill(['check', '--runtime', runtime, '--seed', String(seed), '--json', file], { cwd: checkout.root })
  return { run, results: JSON.parse(readFileSync(file, 'utf8')) as ResultsJson }
}

/** What a check decided, without its timings. */
function outcome(results: ResultsJson) {
  return { status: results.status, tests: results.tests.map(({ name, status, message }) => ({ name, status, message })) }
}

/** A check's screen output without what legitimately differs between two runs: timings, the runtime's name, elapsed clock. */
function normalised(run: DrillRun): string {
  return run.stdout
    .replace(/\(\d+ ms\)/g, '(… ms)')
    .replace(/\d+(\.\d+)? s \(prepare[^)]*\)/g, '… s (…)')
    .replace(/(docker|embedded) runtime/g, '… runtime')
    .replace(/--runtime (docker|embedded)/g, '--runtime …')
    .replace(/^Runtime: .*$/gm, '')
    .replace(/Results written to .*$/gm, '')
    .replace(/^.*of \d+ min · .*$/gm, '')
}

describe('a check trusts nothing in the checkout but the service source', () => {
  it('ignores, and names, edits to the hidden tests, the manifest and the shared packages, built output included', async () => {
    using checkout = tempCheckout({ ownWorkspacePackages: true })
    await startDrill(checkout, BILLING)
    const before = await checkWithSeed(checkout, 31337)
    expect(before.results.status).toBe('fail')

    const scenario = join(checkout.root, 'scenarios', BILLING)
    // A hidden test that always passes, production without its time zone, checks that never fail.
    writeFileSync(join(scenario, 'tests', 'regression.test.ts'), "import { scenarioTest } from '@debug-drills/drill-kit'\nscenarioTest('Invoices are right', async () => {})\n")
    replaceInFile(join(scenario, 'scenario.yaml'), 'TZ: America/New_York', 'TZ: UTC')
    replaceInFile(join(checkout.root, 'packages', 'drill-kit', 'src', 'checks.ts'), 'export function expectEqual<T>(actual: T, expected: T, what: string): void {', 'export function expectEqual<T>(actual: T, expected: T, what: string): void {\n  return')
    appendFileSync(join(checkout.root, 'packages', 'service-kit', 'src', 'index.ts'), '\n// edited\n')
    // Built output is not in git: the service must not run with it either.
    appendFileSync(join(checkout.root, 'packages', 'service-kit', 'dist', 'build-server.js'), "\nprocess.env.TZ = 'UTC'\n")

    const after = await checkWithSeed(checkout, 31337)
    expect(outcome(after.results)).toEqual(outcome(before.results))
    expect(after.results.drill.changes.ignored).toEqual([
      'packages/drill-kit/src/checks.ts',
      'packages/service-kit/src/index.ts',
      `scenarios/${BILLING}/scenario.yaml`,
      `scenarios/${BILLING}/tests/regression.test.ts`
    ])
    expect(after.run.stdout).toMatch(/Ignored: these files differ from the commit you started from/)
    expect(after.run.stdout).toContain(`scenarios/${BILLING}/scenario.yaml`)
    expect(after.results.drill.environment).toMatchObject({ TZ: 'America/New_York' })
  })
})

describe('a seed reproduces a check', () => {
  it('gives the same data, order and verdict from two checkouts at different paths, and on both runtimes', async () => {
    using first = tempCheckout()
    using second = tempCheckout()
    await startDrill(first, BILLING)
    await startDrill(second, BILLING)
    const a = await checkWithSeed(first, 4242)
    const b = await checkWithSeed(second, 4242)
    expect(a.results.drill.seed).toBe(4242)
    expect(outcome(b.results)).toEqual(outcome(a.results))
    expect(normalised(b.run)).toBe(normalised(a.run))
    expect(a.run.stdout).toContain(`same data again: drill check ${BILLING} --seed 4242 --runtime embedded`)
    if (await dockerAvailable()) {
      const docker = await checkWithSeed(first, 4242, 'docker')
      expect(outcome(docker.results)).toEqual(outcome(a.results))
      expect(normalised(docker.run)).toBe(normalised(a.run))
    }
  })
})

describe('reports that help', () => {
  it('shows the log of a service that crashed during the tests, its stack trace naming the trainee’s own file', async () => {
    using checkout = tempCheckout()
    await startDrill(checkout, 'tutorial')
    const route = join(checkout.root, 'services', 'greetings', 'src', 'routes', 'greetings.ts')
    replaceInFile(route, '      const { name, formal } = request.query', "      setTimeout(() => {\n        throw new Error('the greetings run crashed')\n      })\n      const { name, formal } = request.query")
    const { run, results } = await checkWithSeed(checkout, 7)
    expect(results.status).toBe('fail')
    expect(run.stdout).toMatch(/The service stopped answering during the tests/)
    expect(run.stdout).toContain('Error: the greetings run crashed')
    expect(run.stdout).toContain(`${route}:`)
  })

  it('shows only the compiler’s messages for code that does not type-check, as an error', async () => {
    using checkout = tempCheckout()
    await startDrill(checkout, BILLING)
    appendFileSync(join(checkout.root, 'services', 'billing', 'src', 'server.ts'), '\nconst port: number = "not a number"\nexport { port }\n')
    const { run, results } = await checkWithSeed(checkout, 7)
    expect(results.status).toBe('error')
    expect(results.tests).toEqual([])
    expect(run.stdout).toMatch(/services\/billing\/src\/server\.ts\(\d+,\d+\): error TS2322/)
    expect(run.stdout).not.toMatch(/What the ticket asks for|What must keep working/)
  })
})
