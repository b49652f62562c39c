import { appendFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { grade } from '../src/grading/grade.js'
import { EmbeddedRuntime } from '../src/runtime/embedded-runtime.js'
import { findScenario } from '../src/scenarios/load-scenarios.js'
import type { Scenario } from '../src/scenarios/scenario.js'
import { replaceInFile } from './support/edit.js'
import { expectNoGradingProcesses } from './support/leftovers.js'
import { tempCheckout, type TempCheckout } from './support/temp-checkout.js'

let checkout: TempCheckout
let scenario: Scenario
let repository: string
const runtime = new EmbeddedRuntime()

beforeAll(async () => {
  checkout = tempCheckout()
  scenario = await findScenario(checkout.root, 'accounts-duplicate-signup')
  repository = join(checkout.root, 'services', 'accounts', 'src', 'plugins', 'accounts-repository.ts')
})
afterAll(() => checkout?.[Symbol.dispose]())
beforeEach(() => {
  checkout.git('checkout', '--', '.')
  checkout.git('clean', '-fdq', 'services')
})
// Whatever the outcome, nothing a check started may outlive it.
afterEach(async () => {
  await expectNoGradingProcesses()
})

const check = () => grade({ repoRoot: checkout.root, scenario, runtime })

describe('grade on the embedded runtime', () => {
  it('fails the shipped service, naming the broken behaviours in the trainee’s words', async () => {
    const report = await check()
    expect(report.verdict).toBe('fail')
    const regression = report.tests.filter((test) => test.set === 'regression')
    expect(regression.length).toBeGreaterThan(0)
    expect(regression.every((test) => test.status === 'fail')).toBe(true)
    expect(regression[0]?.message).toMatch(/POST \/accounts returned 500, expected 409/)
    expect(report.tests.filter((test) => test.set === 'invariant').every((test) => test.status === 'pass')).toBe(true)
  })

  it('passes once the trainee fixes the bug their own way', async () => {
    replaceInFile(
      repository,
      'return prisma.account.create({ data: { email: normalised, displayName } })',
      'const account = await prisma.account.create({ data: { email: normalised, displayName } })\n        return account'
    )
    const report = await check()
    expect(report.verdict).toBe('pass')
    expect(report.changes.source).toEqual(['src/plugins/accounts-repository.ts'])
  })

  it('fails a hack that answers 409 to every sign-up', async () => {
    replaceInFile(
      repository,
      'return prisma.account.create({ data: { email: normalised, displayName } })',
      'throw new EmailTakenError(normalised)'
    )
    const report = await check()
    expect(report.verdict).toBe('fail')
    expect(report.tests.some((test) => test.set === 'invariant' && test.status === 'fail')).toBe(true)
  })

  it('is an error with the compiler’s messages when the source does not type-check', async () => {
    replaceInFile(repository, 'const normalised = normaliseEmail(email)', 'const normalised: number = normaliseEmail(email)')
    const report = await check()
    expect(report.verdict).toBe('error')
    expect(report.problem?.kind).toBe('compile')
    expect(report.problem?.details.join('\n')).toMatch(/services\/accounts\/src\/plugins\/accounts-repository\.ts\(\d+,\d+\): error TS2322/)
  })

  it('is an error with the bundler’s message when the source does not parse', async () => {
    appendFileSync(repository, '\nexport const broken = {\n')
    const report = await check()
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'compile' } })
    expect(report.problem?.details.join('\n')).toMatch(/accounts-repository\.ts/)
  })

  it('is an error with the service’s last log lines when it crashes at start-up', async () => {
    replaceInFile(
      join(checkout.root, 'services', 'accounts', 'src', 'server.ts'),
      'const config = loadConfig()',
      "const config = loadConfig()\nif (config.PORT > 0) throw new Error('refusing to start on port ' + config.PORT)"
    )
    const report = await check()
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'service' } })
    expect(report.problem?.message).toMatch(/exited during start-up/)
    expect(report.problem?.details.join('\n')).toMatch(/refusing to start on port/)
  })

  it('ignores, and names, changes outside the source: the grader migrates from its pristine copy', async () => {
    appendFileSync(join(checkout.root, 'services', 'accounts', 'prisma', 'migrations', '20260310090000_init', 'migration.sql'), '\nDROP INDEX "accounts_email_key";\n')
    writeFileSync(join(checkout.root, 'services', 'accounts', 'test', 'extra.test.ts'), 'export {}\n')
    const report = await check()
    expect(report.verdict).toBe('fail')
    expect(report.changes.ignored).toEqual(['services/accounts/prisma/migrations/20260310090000_init/migration.sql', 'services/accounts/test/extra.test.ts'])
  })

  it('reports a check that runs out of time as an error, and stops everything', async () => {
    const report = await grade({ repoRoot: checkout.root, scenario, runtime, timeoutMs: 400 })
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'timeout' } })
  })

  it('uses the seed it is given, so a run can be replayed', async () => {
    const report = await grade({ repoRoot: checkout.root, scenario, runtime, seed: 4242 })
    expect(report.seed).toBe(4242)
  })
})

describe('a service that hangs', () => {
  it('times out as an error that shows the service’s last log lines', async () => {
    replaceInFile(
      repository,
      '      const normalised = normaliseEmail(email)',
      "      const normalised = normaliseEmail(email)\n      console.log('create() waiting forever')\n      await new Promise(() => undefined)"
    )
    const report = await grade({ repoRoot: checkout.root, scenario, runtime, timeoutMs: 8_000 })
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'timeout' } })
    expect(report.problem?.details.join('\n')).toMatch(/create\(\) waiting forever/)
  })
})
