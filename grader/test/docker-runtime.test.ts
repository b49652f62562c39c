import { join } from 'node:path'
import { getContainerRuntimeClient } from 'testcontainers'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { grade } from '../src/grading/grade.js'
import { OWNER_TAG_LABEL } from '../src/runtime/docker-labels.js'
import { DockerRuntime } from '../src/runtime/docker-runtime.js'
import { findScenario } from '../src/scenarios/load-scenarios.js'
import type { Scenario } from '../src/scenarios/scenario.js'
import { dockerAvailable } from './support/docker-available.js'
import { testRunTag } from './support/leftovers.js'
import { replaceInFile } from './support/edit.js'
import { runDrill } from './support/run-drill.js'
import { plantedCheckout } from './support/planted-checkout.js'
import type { TempCheckout } from './support/temp-checkout.js'

const NO_DAEMON = { DOCKER_HOST: 'unix:///nonexistent/docker.sock', CI: '' }

describe('without a Docker daemon', () => {
  it('--runtime docker says how to start one, as an error of the grader', async () => {
    const run = await runDrill(['check', 'tutorial', '--shipped', '--runtime', 'docker'], { env: NO_DAEMON })
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/No Docker daemon answers at DOCKER_HOST=unix:\/\/\/nonexistent\/docker\.sock\. Start Docker Desktop/)
    expect(run.stderr).toMatch(/--runtime embedded/)
  })

  it('--runtime auto falls back to the embedded runtime and says so in one line', async () => {
    const run = await runDrill(['check', 'tutorial', '--shipped', '--runtime', 'auto'], { env: NO_DAEMON })
    expect(run.stdout).toMatch(/^Runtime: embedded \(Docker is not usable here: No Docker daemon answers at DOCKER_HOST=/m)
    expect(run.exitCode).toBe(1)
  })
})

const docker = await dockerAvailable()

async function labelledContainers(): Promise<string[]> {
  const client = await getContainerRuntimeClient()
  const containers = await client.container.dockerode.listContainers({ all: true, filters: { label: [`${OWNER_TAG_LABEL}=${testRunTag()}`] } })
  return containers.map((container) => container.Names.join(','))
}

describe.runIf(docker)('grade on the docker runtime', () => {
  let checkout: TempCheckout
  let scenario: Scenario
  let runtime: DockerRuntime

  beforeAll(async () => {
    checkout = plantedCheckout('tutorial')
    scenario = await findScenario(checkout.root, 'tutorial')
    runtime = await DockerRuntime.connect()
  })
  afterAll(() => checkout?.[Symbol.dispose]())
  beforeEach(() => checkout.git('checkout', '--', '.'))
  afterEach(async () => {
    expect(await labelledContainers()).toEqual([])
  })

  it('fails the shipped service and passes the reference fix, in containers', async () => {
    const shipped = await grade({ repoRoot: checkout.root, scenario, runtime })
    expect(shipped.runtime).toBe('docker')
    expect(shipped.verdict).toBe('fail')
    const fixed = await grade({ repoRoot: checkout.root, scenario, runtime, source: 'reference-fix' })
    expect(fixed.verdict).toBe('pass')
  })

  it('runs the service under the scenario’s environment, with no network but its database', async () => {
    replaceInFile(
      join(checkout.root, 'services', 'greetings', 'src', 'server.ts'),
      'const config = loadConfig()',
      [
        'const config = loadConfig()',
        "const outside = await fetch('http://registry.npmjs.org/', { signal: AbortSignal.timeout(2000) }).then(() => 'reachable', (e: Error) => e.name)",
        "throw new Error(`probe NODE_ENV=${process.env.NODE_ENV} outside=${outside}`)"
      ].join('\n')
    )
    const report = await grade({ repoRoot: checkout.root, scenario, runtime })
    expect(report.problem?.kind).toBe('service')
    const log = report.problem?.details.join('\n') ?? ''
    expect(log).toMatch(/probe NODE_ENV=production/)
    expect(log).not.toMatch(/outside=reachable/)
  })

  it('is an error with the service’s log when it crashes in its container', async () => {
    replaceInFile(
      join(checkout.root, 'services', 'greetings', 'src', 'server.ts'),
      'const config = loadConfig()',
      "const config = loadConfig()\nif (config.PORT > 0) throw new Error('container start-up failure')"
    )
    const report = await grade({ repoRoot: checkout.root, scenario, runtime })
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'service' } })
    expect(report.problem?.details.join('\n')).toMatch(/container start-up failure/)
  })

  it('keeps a bounded, cut copy of a service output that has no newlines', async () => {
    replaceInFile(
      join(checkout.root, 'services', 'greetings', 'src', 'server.ts'),
      'const config = loadConfig()',
      "const config = loadConfig()\n;(await import('node:fs')).writeSync(1, `${'x'.repeat(5_000_000)}\\n`)\nthrow new Error('after one long line')"
    )
    const report = await grade({ repoRoot: checkout.root, scenario, runtime })
    expect(report).toMatchObject({ verdict: 'error', problem: { kind: 'service' } })
    const details = report.problem?.details ?? []
    expect(details.join('\n')).toMatch(/after one long line/)
    // Docker hands a long line over in pieces; each piece is cut all the same.
    expect(details.join('\n')).toMatch(/x… \(\d+ more characters\)/)
    expect(Math.max(...details.map((line) => line.length))).toBeLessThan(2_100)
  })

  it('removes its containers and network on Ctrl-C', async () => {
    const run = await runDrill(['check', '--runtime', 'docker'], { cwd: checkout.root, interrupt: /Starting the service/ })
    expect(run.exitCode).toBe(130)
  })
})
