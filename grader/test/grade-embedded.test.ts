import { appendFileSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pc from 'picocolors'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { grade, warmStart, type WarmStart } from '../src/grading/grade.js'
import { formatReport } from '../src/report/format-report.js'
import { EmbeddedRuntime } from '../src/runtime/embedded-runtime.js'
import type { GradingRuntime } from '../src/runtime/runtime.js'
import { findScenario } from '../src/scenarios/load-scenarios.js'
import type { Scenario } from '../src/scenarios/scenario.js'
import { validateScenario } from '../src/validate/validate-scenario.js'
import { replaceInFile } from './support/edit.js'
import { expectNoGradingProcesses, type TempCheckout } from '@debug-drills/test-support'
import { plantedCheckout } from './support/planted-checkout.js'

let checkout: TempCheckout
let scenario: Scenario
let route: string
const runtime = new EmbeddedRuntime()

// The tutorial: a planted drill that this repository keeps small and stable for its own tests.
beforeAll(async () => {
  checkout = plantedCheckout('tutorial')
  scenario = await findScenario(checkout.root, 'tutorial')
  route = join(checkout.root, 'services', 'greetings', 'src', 'routes', 'greetings.ts')
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
const TEMPLATE_CHOICE = 'const template = formal ? language.formal : language.casual'

describe('grade on the embedded runtime', () => {
  it('fails the planted bug, naming the broken behaviours in the trainee’s words', async () => {
    const report = await check()
    expect(report.verdict).toBe('fail')
    const regression = report.tests.filter((test) => test.set === 'regression')
    expect(regression.length).toBeGreaterThan(0)
    expect(regression.every((test) => test.status === 'fail')).toBe(true)
    expect(regression[0]?.message).toMatch(/formal=false/)
    expect(report.tests.filter((test) => test.set === 'invariant').every((test) => test.status === 'pass')).toBe(true)
    expect(report.changes).toEqual({ source: [], ignored: [] })
  })

  it('passes once the trainee fixes the bug their own way', async () => {
    replaceInFile(route, TEMPLATE_CHOICE, "const template = String(formal) === 'true' ? language.formal : language.casual")
    const report = await check()
    expect(report.verdict).toBe('pass')
    expect(report.changes.source).toEqual(['src/routes/greetings.ts'])
  })

  it('starts the service on a database that is up and migrated: a fix that reads its tables at start-up passes', async () => {
    replaceInFile(route, TEMPLATE_CHOICE, "const template = String(formal) === 'true' ? language.formal : language.casual")
    // Straight away, before it listens: a cache warmed at start-up, as real services do.
    replaceInFile(
      join(checkout.root, 'services', 'greetings', 'src', 'server.ts'),
      'const config = loadConfig()',
      [
        'const config = loadConfig()',
        "const pg = (await import('pg')).default",
        'const client = new pg.Client({ connectionString: config.DATABASE_URL })',
        'await client.connect()',
        "console.log(`languages at start-up: ${(await client.query('SELECT count(*) FROM languages')).rows[0].count}`)",
        'await client.end()'
      ].join('\n')
    )
    // A database that takes its time to come up, as on a loaded machine: its migrations come late.
    const slowDatabase: GradingRuntime = {
      name: runtime.name,
      runsInsideCheckout: runtime.runsInsideCheckout,
      startEnvironment: async () => {
        const environment = await runtime.startEnvironment()
        const late = environment.database.then(async (database) => {
          await new Promise((resolve) => setTimeout(resolve, 3_000))
          return database
        })
        return Object.assign(Object.create(environment) as typeof environment, { database: late })
      }
    }
    const report = await grade({ repoRoot: checkout.root, scenario, runtime: slowDatabase })
    expect(report.problem).toBeUndefined()
    expect(report.verdict).toBe('pass')
  })

  it('fails a hack that answers the casual greeting to everyone', async () => {
    replaceInFile(route, TEMPLATE_CHOICE, 'const template = language.casual')
    const report = await check()
    expect(report.verdict).toBe('fail')
    expect(report.tests.some((test) => test.set === 'invariant' && test.status === 'fail')).toBe(true)
  })

  it('is an error with the compiler’s messages when the source does not type-check', async () => {
    replaceInFile(route, TEMPLATE_CHOICE, 'const template: number = formal ? language.formal : language.casual')
    const report = await check()
    expect(report.verdict).toBe('error')
    expect(report.tests).toEqual([])
    expect(report.problem?.kind).toBe('compile')
    expect(report.problem?.details.join('\n')).toMatch(/services\/greetings\/src\/routes\/greetings\.ts\(\d+,\d+\): error TS2322/)
  })

  it('is an error with the bundler’s message when the source does not parse', async () => {
    appendFileSync(route, '\nexport const broken = {\n')
    const report = await check()
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'compile' } })
    expect(report.problem?.details.join('\n')).toMatch(/greetings\.ts/)
  })

  it('refuses a build that reads files outside the service, and shows nothing of them', async () => {
    const secret = `TOPSECRET-${Math.random().toString(36).slice(2)}`
    const outside = join(checkout.root, 'scenarios', 'tutorial', 'leak.json')
    writeFileSync(outside, JSON.stringify({ secret }))
    writeFileSync(join(checkout.root, 'scenarios', 'tutorial', 'leak.txt'), secret)
    onTestFinished(() => {
      checkout.git('clean', '-fdq', 'scenarios')
    })
    for (const [line, message] of [
      [`import leaked from '../../../../scenarios/tutorial/leak.txt' with { type: 'text' }`, /imported with \{ type: 'text' \}/],
      [`import leaked from '${outside}'`, /outside the service and its packages/]
    ] as const) {
      checkout.git('checkout', '--', '.')
      writeFileSync(route, `${line}\nconsole.log(leaked)\n${readFileSync(route, 'utf8')}`)
      const report = await check()
      expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'compile' } })
      expect(report.problem?.details.join('\n')).toMatch(message)
      expect(JSON.stringify(report)).not.toContain(secret)
    }
  })

  it('refuses a type-check that reads TypeScript outside the service, whose messages would quote it', async () => {
    // The compiler quotes names from what it reads ("Cannot find name 'TOPSECRET_…'"); the bundler never sees these two.
    const secret = `TOPSECRET_${Math.random().toString(36).slice(2)}`
    const outside = join(checkout.root, 'scenarios', 'tutorial', 'leak.ts')
    writeFileSync(outside, `${secret}\nexport type Leak = typeof ${secret}\n`)
    onTestFinished(() => {
      checkout.git('clean', '-fdq', 'scenarios')
    })
    for (const line of [`/// <reference path="${outside}" />`, `import type { Leak } from '${outside.replace(/\.ts$/, '.js')}'\nexport type Shown = Leak`]) {
      checkout.git('checkout', '--', '.')
      writeFileSync(route, `${line}\n${readFileSync(route, 'utf8')}`)
      const report = await check()
      expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'compile' } })
      expect(report.problem?.details.join('\n')).toMatch(/The type-check read .*leak\.ts, which is outside the service and its packages/)
      expect(JSON.stringify(report)).not.toContain(secret)
    }
  })

  it('is an error with the service’s last log lines when it crashes at start-up', async () => {
    replaceInFile(
      join(checkout.root, 'services', 'greetings', 'src', 'server.ts'),
      'const config = loadConfig()',
      "const config = loadConfig()\nif (config.PORT > 0) throw new Error('refusing to start on port ' + config.PORT)"
    )
    const report = await check()
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'service' } })
    expect(report.problem?.message).toMatch(/exited during start-up/)
    expect(report.problem?.details.join('\n')).toMatch(/refusing to start on port/)
  })

  it('ignores, and names, changes outside the source: the grader migrates from its pristine copy', async () => {
    appendFileSync(join(checkout.root, 'services', 'greetings', 'prisma', 'migrations', '20261126090000_init', 'migration.sql'), '\nDROP TABLE "languages";\n')
    writeFileSync(join(checkout.root, 'services', 'greetings', 'test', 'extra.test.ts'), 'export {}\n')
    const report = await check()
    expect(report.verdict).toBe('fail')
    expect(report.changes.ignored).toEqual(['services/greetings/prisma/migrations/20261126090000_init/migration.sql', 'services/greetings/test/extra.test.ts'])
  })

  it('leaves symbolic links in the source out of the build, and names them', async () => {
    const secret = join(checkout.root, 'scenarios', 'tutorial', 'fix.patch')
    symlinkSync(secret, join(checkout.root, 'services', 'greetings', 'src', 'notes.ts'))
    // A file the service needs, replaced by a link: the build lacks it, and the report says why.
    const render = join(checkout.root, 'services', 'greetings', 'src', 'domain', 'render-greeting.ts')
    const moved = join(checkout.root, 'render-greeting.ts')
    renameSync(render, moved)
    onTestFinished(() => rmSync(moved, { force: true }))
    symlinkSync(moved, render)
    const report = await check()
    expect(report.changes.links).toEqual(['services/greetings/src/domain/render-greeting.ts', 'services/greetings/src/notes.ts'])
    expect(report.changes.source).not.toContain('notes.ts')
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'compile' } })
    expect(formatReport(report, pc.createColors(false)).join('\n')).toMatch(/Left out: these are not regular files \(symbolic links\)[^\n]*\n\s+services\/greetings\/src\/domain\/render-greeting\.ts/)
  })

  it('reports a check that runs out of time as an error, and stops everything', async () => {
    const report = await grade({ repoRoot: checkout.root, scenario, runtime, timeoutMs: 400 })
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'timeout' } })
  })

  it('uses the seed it is given, so a run can be replayed', async () => {
    const report = await grade({ repoRoot: checkout.root, scenario, runtime, seed: 4242 })
    expect(report.seed).toBe(4242)
  })

  it('grades the drill as shipped, and with its reference fix, whatever the working copy holds', async () => {
    replaceInFile(route, TEMPLATE_CHOICE, 'const template = language.casual')
    expect((await grade({ repoRoot: checkout.root, scenario, runtime, source: 'pristine' })).verdict).toBe('fail')
    expect((await grade({ repoRoot: checkout.root, scenario, runtime, source: 'reference-fix' })).verdict).toBe('pass')
  })
})

describe('a warm start (drill watch)', () => {
  /** A real warm start that counts how often a check took its environment. */
  const counted = async () => {
    const warm = await warmStart({ repoRoot: checkout.root, scenario, runtime, signal: new AbortController().signal })
    const taken = { environment: 0, disposed: 0 }
    const offered: WarmStart = {
      scenarioId: warm.scenarioId,
      base: warm.base,
      runtime: warm.runtime,
      source: warm.source,
      inputs: warm.inputs,
      tests: warm.tests,
      serviceToken: warm.serviceToken,
      dependencies: warm.dependencies,
      get environment() {
        taken.environment++
        return warm.environment
      },
      [Symbol.asyncDispose]: async () => {
        taken.disposed++
        await warm[Symbol.asyncDispose]()
      }
    }
    return { offered, taken, warm }
  }

  it('is used by the check it fits, gives the same verdicts as a cold start, and is stopped with the check', async () => {
    const failing = await counted()
    const report = await grade({ repoRoot: checkout.root, scenario, runtime, warm: Promise.resolve(failing.offered) })
    expect(report.verdict).toBe('fail')
    expect(report.warmStart).toBe(true)
    expect(report.tests.filter((test) => test.set === 'regression').every((test) => test.status === 'fail')).toBe(true)
    expect(failing.taken).toEqual({ environment: 1, disposed: 1 })
    // Stopped means its database server is gone.
    await expect(failing.warm.environment.createDatabase('after_the_check')).rejects.toThrow()

    replaceInFile(route, TEMPLATE_CHOICE, "const template = String(formal) === 'true' ? language.formal : language.casual")
    const passing = await counted()
    expect((await grade({ repoRoot: checkout.root, scenario, runtime, warm: Promise.resolve(passing.offered) })).verdict).toBe('pass')
    expect(passing.taken).toEqual({ environment: 1, disposed: 1 })
  })

  it('is stopped unused by a check it does not fit, and one that failed to start leaves the check to start afresh', async () => {
    const other = await counted()
    const shipped = await grade({ repoRoot: checkout.root, scenario, runtime, source: 'pristine', warm: Promise.resolve(other.offered) })
    expect(shipped.verdict).toBe('fail')
    expect(shipped.warmStart).toBeUndefined()
    expect(other.taken).toEqual({ environment: 0, disposed: 1 })

    const report = await grade({ repoRoot: checkout.root, scenario, runtime, warm: Promise.reject(new Error('the warm start failed')) })
    expect(report.verdict).toBe('fail')
  })
})

describe('a service that hangs', () => {
  it('times out as an error that shows the service’s last log lines', async () => {
    replaceInFile(route, TEMPLATE_CHOICE, `console.log('greeting waiting forever')\n      await new Promise(() => undefined)\n      ${TEMPLATE_CHOICE}`)
    const report = await grade({ repoRoot: checkout.root, scenario, runtime, timeoutMs: 8_000 })
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'timeout' } })
    expect(report.problem?.details.join('\n')).toMatch(/greeting waiting forever/)
  })
})

describe('a drill that was not started here', () => {
  it('says to start it rather than grading code that has no bug in it', async () => {
    const error = await grade({ repoRoot: join(checkout.root), scenario: { ...scenario, id: 'not-started' }, runtime }).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/is not started in this checkout/)
  })
})

describe('drill validate on a check that never ends', () => {
  it('names each stuck version as the grader\'s bug and goes on, instead of waiting for ever', async () => {
    // A runtime whose start never answers, as a Docker daemon that stopped answering: the check's own time limit cannot end it.
    const waiting: ((error: Error) => void)[] = []
    const stuck: GradingRuntime = {
      name: runtime.name,
      runsInsideCheckout: runtime.runsInsideCheckout,
      startEnvironment: () => new Promise((_resolve, reject) => waiting.push(reject))
    }
    const began = performance.now()
    const [round] = await validateScenario({ repoRoot: checkout.root, scenario, runtime: stuck, only: ['shipped', 'reference-fix'], jobs: 2, hungAfterMs: 5_000 })
    expect(performance.now() - began).toBeLessThan(30_000)
    expect(round!.cases.map((graded) => [graded.name, graded.hung])).toEqual([
      ['shipped', true],
      ['reference fix', true]
    ])
    expect(round!.problems[0]).toMatch(/^shipped shipped: the check had not ended 5 s after it began \(its time limit is 180 s\)\. This is a bug of the grader/)
    // Let the abandoned checks end, and wait until they have removed what they prepared.
    await expect.poll(() => waiting.length, { timeout: 20_000 }).toBe(2)
    for (const release of waiting) release(new Error('released by the test'))
    await expect.poll(() => readdirSync(tmpdir()).filter((name) => name.startsWith(`drill-tests-${process.pid}-`)), { timeout: 20_000 }).toEqual([])
  })
})
