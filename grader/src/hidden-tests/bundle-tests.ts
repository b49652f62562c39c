import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Scenario } from '../scenarios/scenario.js'
import { ESM_REQUIRE_SHIM } from '../build/esm-require-shim.js'
import { temporaryPrefix } from '../lifecycle/leftovers.js'

export const TESTS_FILE = 'hidden.test.mjs'
export const REPORTER_FILE = 'json-reporter.mjs'
export const WAIT_FILE = 'wait-for-service.mjs'

const assets = fileURLToPath(new URL('../../assets/', import.meta.url))

export interface TestBundle extends AsyncDisposable {
  dir: string
}

const SET_MARK = 'drill-set:'

/**
 * Both test sets in one plain ES module any Node can run, invariants first: a regression test may
 * take the planted bug's service down for good (a crash on one input), and the invariants must
 * still speak for the features around it. Before each set's file loads, a one-line module marks
 * the set, so each test's name carries it (see drill-kit's scenarioTest). One process instead of
 * node --test's one per file saves a few hundred ms a check.
 */
export async function bundleTests(scenario: Scenario): Promise<TestBundle> {
  const dir = await mkdtemp(temporaryPrefix('tests'))
  try {
    const entry = (['invariant', 'regression'] as const)
      .map((set) => `import '${SET_MARK}${set}'\nimport ${JSON.stringify(set === 'regression' ? scenario.regressionTestsPath : scenario.invariantTestsPath)}`)
      .join('\n')
    await build({
      stdin: { contents: entry, resolveDir: scenario.dir, loader: 'js' },
      outfile: join(dir, TESTS_FILE),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      plugins: [
        {
          name: 'drill-test-sets',
          setup(plugin) {
            plugin.onResolve({ filter: new RegExp(`^${SET_MARK}`) }, (args) => ({ path: args.path.slice(SET_MARK.length), namespace: 'drill-set' }))
            plugin.onLoad({ filter: /.*/, namespace: 'drill-set' }, (args) => ({ contents: `globalThis.__drillTestSet = ${JSON.stringify(args.path)}`, loader: 'js' }))
          }
        }
      ],
      banner: { js: ESM_REQUIRE_SHIM }
    })
    await copyFile(join(assets, REPORTER_FILE), join(dir, REPORTER_FILE))
    await copyFile(join(assets, WAIT_FILE), join(dir, WAIT_FILE))
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return {
    dir,
    [Symbol.asyncDispose]: () => rm(dir, { recursive: true, force: true })
  }
}

/**
 * Node arguments that run a bundle laid out in `dir`: the file directly (tests in it run one
 * after another, as they share one service), reporting through the JSON reporter.
 */
export function testCommand(dir: string): string[] {
  return [`--test-reporter=${dir}/${REPORTER_FILE}`, `${dir}/${TESTS_FILE}`]
}
