import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleTests, testCommand } from '../src/hidden-tests/bundle-tests.js'
import { parseTestOutput } from '../src/hidden-tests/parse-test-output.js'
import type { Scenario } from '../src/scenarios/scenario.js'

const run = promisify(execFile)

// Each set's file records when it ran; the regression set then "takes the service down", so a
// set run after it would see the flag.
const setFile = (set: string) => `import { test } from 'node:test'
import assert from 'node:assert/strict'
// Named as drill-kit's scenarioTest names a test: after the set being loaded.
test(\`[\${globalThis.__drillTestSet}] ran while the service was up\`, () => {
  assert.equal(globalThis.serviceDown, undefined, 'the service was already down')
  ${set === 'regression' ? 'globalThis.serviceDown = true' : ''}
})
`

describe('bundleTests', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'drill-bundle-order-'))
    await writeFile(join(dir, 'regression.test.mjs'), setFile('regression'))
    await writeFile(join(dir, 'invariant.test.mjs'), setFile('invariant'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('runs the invariants before the regression tests, so a bug that kills the service cannot fail them', async () => {
    const scenario = { dir, regressionTestsPath: join(dir, 'regression.test.mjs'), invariantTestsPath: join(dir, 'invariant.test.mjs') } as Scenario
    await using bundle = await bundleTests(scenario)
    const { stdout } = await run(process.execPath, testCommand(bundle.dir))
    const results = parseTestOutput(stdout)
    expect(results.map((result) => [result.set, result.status])).toEqual([
      ['invariant', 'pass'],
      ['regression', 'pass']
    ])
  })
})
