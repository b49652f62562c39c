import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Scenario } from '../scenarios/scenario.js'
import type { TestSet } from './test-result.js'

export const TEST_FILES: Record<TestSet, string> = {
  regression: 'regression.test.mjs',
  invariant: 'invariant.test.mjs'
}
export const REPORTER_FILE = 'json-reporter.mjs'
export const WAIT_FILE = 'wait-for-service.mjs'

const assets = fileURLToPath(new URL('../../assets/', import.meta.url))

export interface TestBundle extends AsyncDisposable {
  dir: string
  files: string[]
}

/** The scenario's hidden tests, bundled with their dependencies into plain ES modules any Node can run. */
export async function bundleTests(scenario: Scenario): Promise<TestBundle> {
  const dir = await mkdtemp(join(tmpdir(), 'drill-tests-'))
  try {
    await mkdir(dir, { recursive: true })
    await build({
      entryPoints: { regression: scenario.regressionTestsPath, invariant: scenario.invariantTestsPath },
      outdir: dir,
      entryNames: '[name].test',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      banner: { js: "import { createRequire as __drillCreateRequire } from 'node:module'; const require = __drillCreateRequire(import.meta.url);" }
    })
    await copyFile(join(assets, REPORTER_FILE), join(dir, REPORTER_FILE))
    await copyFile(join(assets, WAIT_FILE), join(dir, WAIT_FILE))
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return {
    dir,
    files: [TEST_FILES.regression, TEST_FILES.invariant],
    [Symbol.asyncDispose]: () => rm(dir, { recursive: true, force: true })
  }
}

/** `node --test` arguments for a bundle laid out in `dir`. */
export function testCommand(dir: string, overallTimeoutMs: number): string[] {
  return [
    '--test',
    // One file at a time, in order: tests share one running service and its database.
    '--test-concurrency=1',
    `--test-reporter=${dir}/${REPORTER_FILE}`,
    `--test-timeout=${overallTimeoutMs}`,
    `${dir}/${TEST_FILES.regression}`,
    `${dir}/${TEST_FILES.invariant}`
  ]
}
