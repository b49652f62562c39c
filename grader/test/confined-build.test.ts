import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { getContainerRuntimeClient } from 'testcontainers'
import { beforeAll, describe, expect, it } from 'vitest'
import { readableRoots } from '../src/build/bundle-service.js'
import { grade, type GradeOptions } from '../src/grading/grade.js'
import type { GradeReport } from '../src/grading/grade-report.js'
import { confinedBuildUnavailable, runInBuildContainer } from '../src/runtime/build-container.js'
import type { DockerRuntime } from '../src/runtime/docker-runtime.js'
import { EmbeddedRuntime } from '../src/runtime/embedded-runtime.js'
import { findScenario } from '../src/scenarios/load-scenarios.js'
import type { Scenario } from '../src/scenarios/scenario.js'
import { dockerAvailable, eventually, type TempCheckout } from '@debug-drills/test-support'
import { dockerTutorial, labelledLeftovers } from './support/docker-tutorial.js'
import { plantedCheckout } from './support/planted-checkout.js'

const docker = await dockerAvailable()
const SERVER_FILE = join('services', 'greetings', 'src', 'server.ts')
const LOAD_CONFIG = 'const config = loadConfig()'
// It imports only packages: of a file that imports another file outside, the host's compiler names the first it read, the container's the one named.
const HIDDEN_TEST = 'greetings.ts'


/** What two reports of the same source must share, wherever it was built. */
function outcome(report: GradeReport) {
  return { verdict: report.verdict, tests: report.tests.map(({ name, status }) => ({ name, status })), problem: report.problem }
}

describe.runIf(docker)('a confined build on the docker runtime', () => {
  let checkout: TempCheckout
  let scenario: Scenario
  let runtime: DockerRuntime
  /** Confined first: the bundle it builds is then the cached one the host build finds, so each is built once and compared. */
  const both = async (options: Omit<GradeOptions, 'repoRoot' | 'scenario' | 'runtime'>) => {
    const common = { repoRoot: checkout.root, scenario, runtime, seed: 7, ...options }
    const confined = await grade({ ...common, confinedBuild: true })
    const host = await grade(common)
    expect(confined.notes).toBeUndefined()
    return { confined, host }
  }

  const tutorial = dockerTutorial()
  beforeAll(() => ({ checkout, scenario, runtime } = tutorial))

  it('fails the bug and passes the fix as the host build does', async () => {
    const shipped = await both({ source: 'pristine' })
    expect(shipped.confined.verdict).toBe('fail')
    expect(outcome(shipped.confined)).toEqual(outcome(shipped.host))
    const fixed = await both({ source: 'reference-fix' })
    expect(fixed.confined.verdict).toBe('pass')
    expect(outcome(fixed.confined)).toEqual(outcome(fixed.host))
  })

  it('words type errors, refused imports and stack traces as the host build does', async () => {
    const server = join(checkout.root, SERVER_FILE)
    const hiddenTest = join(checkout.root, 'scenarios', 'tutorial', 'tests', HIDDEN_TEST)
    const original = readFileSync(server, 'utf8')
    const after = (line: string) => original.replace(LOAD_CONFIG, `${LOAD_CONFIG}\n${line}`)
    const compileErrors: Record<string, [string, RegExp]> = {
      'a type error': [after("const wrong: number = 'text'"), /server\.ts\(\d+,\d+\): error TS2322/],
      'an import of a scenario file': [after(`console.log(await import('${join(checkout.root, 'scenarios', 'tutorial', 'scenario.yaml')}'))`), /is outside the service and its packages/],
      'a reference to a hidden test': [`/// <reference path="${hiddenTest}" />\n${original}`, /The type-check read .*tests\/greetings\.ts, which is outside/],
      'an import of a hidden test through the workspace’s links': [
        after(`console.log(await import('@debug-drills/scenarios/tutorial/tests/${HIDDEN_TEST}'))`),
        /"@debug-drills\/scenarios\/tutorial\/tests\/greetings\.ts" is outside the service and its packages/
      ]
    }
    for (const [what, [edited, said]] of Object.entries(compileErrors)) {
      writeFileSync(server, edited)
      const { confined, host } = await both({})
      expect(confined.problem?.kind, what).toBe('compile')
      expect(confined.problem?.details.join('\n'), what).toMatch(said)
      expect(confined.problem?.details.join('\n'), what).not.toContain('export interface Language')
      expect(outcome(confined), what).toEqual(outcome(host))
    }
    writeFileSync(server, after("if (config.PORT > 0) throw new Error('confined start-up failure')"))
    const { confined, host } = await both({})
    expect(confined.problem?.kind).toBe('service')
    expect(confined.problem?.message).toBe(host.problem?.message)
    // The stack trace names the trainee's file in the checkout, through the bundle's source map.
    expect(confined.problem?.details.join('\n')).toContain(`${server}:`)
  })

  it('builds as an unprivileged user, without the server’s environment, its files or a network', async () => {
    const secret = `confined-${randomBytes(6).toString('hex')}`
    process.env.DRILL_CONFINED_TEST_SECRET = secret
    const buildDir = join(checkout.root, '.drill', 'work', `probe-${randomBytes(4).toString('hex')}`)
    const outDir = join(checkout.root, '.drill', 'cache', `probe-out-${randomBytes(4).toString('hex')}`)
    const state = join(checkout.root, '.drill', 'serve', 'state.json')
    mkdirSync(buildDir, { recursive: true })
    mkdirSync(join(checkout.root, '.drill', 'serve'), { recursive: true })
    writeFileSync(state, '{}')
    const fixPatch = join(checkout.root, 'scenarios', 'tutorial', 'fix.patch')
    expect(existsSync(fixPatch)).toBe(true)
    writeFileSync(
      join(buildDir, 'probe.mjs'),
      [
        "import { existsSync, readFileSync, writeFileSync } from 'node:fs'",
        "const writes = (path) => { try { writeFileSync(path, 'x'); return true } catch { return false } }",
        'console.log(JSON.stringify({',
        '  uid: process.getuid(),',
        '  env: process.env,',
        "  interfaces: readFileSync('/proc/net/dev', 'utf8').split('\\n').slice(2).map((line) => line.split(':')[0].trim()).filter(Boolean),",
        `  seen: Object.fromEntries(${JSON.stringify([fixPatch, state, join(checkout.root, 'node_modules', 'esbuild', 'package.json')])}.map((path) => [path, existsSync(path)])),`,
        `  writes: { out: writes(${JSON.stringify(join(outDir, 'server.mjs'))}), build: writes(${JSON.stringify(join(buildDir, 'x'))}), root: writes('/x') }`,
        '}))'
      ].join('\n')
    )
    try {
      const roots = await readableRoots({ buildDir, repoRoot: checkout.root, service: 'greetings' })
      const job = { buildDir, repoRoot: checkout.root, service: 'greetings', roots, bundle: { outDir, sourceRoot: join(checkout.root, 'services', 'greetings') } }
      const dockerode = (await getContainerRuntimeClient()).container.dockerode
      const run = await runInBuildContainer(dockerode, runtime.images.node, job, () => ['node', join(buildDir, 'probe.mjs')], new AbortController().signal)
      expect(run.exitCode, run.stderr).toBe(0)
      const seen = JSON.parse(run.stdout) as { uid: number; env: Record<string, string>; interfaces: string[]; seen: Record<string, boolean>; writes: Record<string, boolean> }
      expect(seen.uid).not.toBe(0)
      expect(seen.uid).toBe(process.getuid?.() === 0 ? 1000 : process.getuid?.())
      expect(Object.values(seen.env)).not.toContain(secret)
      expect(Object.keys(seen.env).filter((name) => name in process.env && name !== 'PATH' && name !== 'HOME' && name !== 'HOSTNAME')).toEqual([])
      expect(seen.env.PATH).not.toBe(process.env.PATH)
      expect(seen.interfaces).toEqual(['lo'])
      expect(seen.seen).toEqual({ [fixPatch]: false, [state]: false, [join(checkout.root, 'node_modules', 'esbuild', 'package.json')]: true })
      expect(seen.writes).toEqual({ out: true, build: false, root: false })
    } finally {
      delete process.env.DRILL_CONFINED_TEST_SECRET
      rmSync(buildDir, { recursive: true, force: true })
      rmSync(outDir, { recursive: true, force: true })
    }
  })
  it('removes the build’s container when the check is stopped mid-build', async () => {
    const buildDir = join(checkout.root, 'services', 'greetings')
    const roots = await readableRoots({ buildDir, repoRoot: checkout.root, service: 'greetings' })
    const dockerode = (await getContainerRuntimeClient()).container.dockerode
    const stop = new AbortController()
    const run = runInBuildContainer(dockerode, runtime.images.node, { buildDir, repoRoot: checkout.root, service: 'greetings', roots }, () => ['sleep', '60'], stop.signal)
    await eventually('the build’s container', async () => ((await labelledLeftovers()).length > 0 ? true : undefined))
    stop.abort(new Error('stopped'))
    await expect(run).rejects.toThrow('stopped')
    // afterEach: nothing of it is left
  })
})

describe('a confined build where the runtime has no containers, or not ones for this host’s compilers', () => {
  it('builds on the host and says so in one note', async () => {
    const checkout = plantedCheckout('tutorial')
    try {
      const scenario = await findScenario(checkout.root, 'tutorial')
      const report = await grade({ repoRoot: checkout.root, scenario, runtime: new EmbeddedRuntime(), source: 'reference-fix', confinedBuild: true })
      expect(report.verdict).toBe('pass')
      expect(report.notes).toEqual(['The build ran on the host, not in a container: the embedded runtime has no containers.'])
    } finally {
      checkout[Symbol.dispose]()
    }
  })

  it('is unavailable on a host that is not Linux, whose installed compilers a Linux container cannot run', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!
    Object.defineProperty(process, 'platform', { value: 'darwin' })
    try {
      expect(await confinedBuildUnavailable(undefined as never, 'any-image')).toBe('the installed compilers are built for darwin, and the container runs Linux')
    } finally {
      Object.defineProperty(process, 'platform', platform)
    }
  })
})
