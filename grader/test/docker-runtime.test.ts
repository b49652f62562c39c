import { createServer, type AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { getContainerRuntimeClient } from 'testcontainers'
import { beforeAll, describe, expect, it } from 'vitest'
import { grade, warmStart } from '../src/grading/grade.js'
import { OWNER_TAG_LABEL } from '../src/runtime/docker-labels.js'
import type { DockerRuntime } from '../src/runtime/docker-runtime.js'
import type { Scenario } from '../src/scenarios/scenario.js'
import { dockerAvailable, eventually, expectNoGradingProcesses, runDrill, startDrill, type TempCheckout, testRunTag } from '@debug-drills/test-support'
import { replaceInFile } from './support/edit.js'
import { dockerTutorial, labelledLeftovers } from './support/docker-tutorial.js'

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


describe.runIf(docker)('grade on the docker runtime', () => {
  let checkout: TempCheckout
  let scenario: Scenario
  let runtime: DockerRuntime

  const tutorial = dockerTutorial()
  beforeAll(() => ({ checkout, scenario, runtime } = tutorial))

  it('fails the shipped service and passes the reference fix, in containers', async () => {
    const shipped = await grade({ repoRoot: checkout.root, scenario, runtime })
    expect(shipped.runtime).toBe('docker')
    expect(shipped.verdict).toBe('fail')
    const fixed = await grade({ repoRoot: checkout.root, scenario, runtime, source: 'reference-fix' })
    expect(fixed.verdict).toBe('pass')
  })

  it('grades on a warm start (drill watch) as on a cold one, and removes its containers with the check', async () => {
    const warm = await warmStart({ repoRoot: checkout.root, scenario, runtime, signal: new AbortController().signal })
    // Warm means up: the database server and the tests' container run before the check begins.
    expect((await labelledLeftovers()).filter((name) => /drill-tests-/.test(name))).toHaveLength(1)
    const report = await grade({ repoRoot: checkout.root, scenario, runtime, warm: Promise.resolve(warm) })
    expect(report.verdict).toBe('fail')
    expect(report.tests.filter((test) => test.set === 'invariant').every((test) => test.status === 'pass')).toBe(true)
  })

  it('leaves no container or volume when drill watch is killed outright while the trainee edits', async () => {
    const watch = startDrill(['watch', '--runtime', 'docker'], { cwd: checkout.root })
    await watch.waitFor(/Watching services\/greetings\/src: save a file to check again/, 120_000)
    await eventually('the warm tests’ container', async () => (await labelledLeftovers()).find((name) => /drill-tests-.* running$/.test(name)), 30_000)
    // No exit handler runs on SIGKILL: the guardian that watch started removes them.
    watch.child.kill('SIGKILL')
    await watch.exited
    await eventually('no container or volume left', async () => ((await labelledLeftovers()).length === 0 ? true : undefined), 30_000)
    await expectNoGradingProcesses()
  })

  it('runs the service under the scenario’s environment, in a sandbox with loopback only and an unprivileged database role', async () => {
    // A port on the host that the service must not reach, on every address the host has, the Docker bridge's included.
    const host = createServer((socket) => socket.end('host\n'))
    await new Promise<void>((resolve) => host.listen(0, '0.0.0.0', resolve))
    const port = (host.address() as AddressInfo).port
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info?.family === 'IPv4')
      .map((info) => info!.address)
    try {
      replaceInFile(
        join(checkout.root, 'services', 'greetings', 'src', 'server.ts'),
        'const config = loadConfig()',
        [
          'const config = loadConfig()',
          "const fs = await import('node:fs')",
          "const net = await import('node:net')",
          "const interfaces = fs.readFileSync('/proc/net/dev', 'utf8').split('\\n').slice(2).map((line) => line.split(':')[0]?.trim()).filter(Boolean)",
          "const routes = fs.readFileSync('/proc/net/route', 'utf8').trim().split('\\n').length - 1",
          'const reach = (address: string) => new Promise<string>((resolve) => {',
          `  const socket = net.connect({ host: address, port: ${port}, timeout: 1500 })`,
          "  socket.once('connect', () => { socket.destroy(); resolve(`${address}:open`) })",
          "  socket.once('timeout', () => { socket.destroy(); resolve(`${address}:timeout`) })",
          "  socket.once('error', (error: NodeJS.ErrnoException) => resolve(`${address}:${error.code}`))",
          '})',
          `const reached = await Promise.all(${JSON.stringify([...addresses, '172.17.0.1'])}.map(reach))`,
          "const outside = await fetch('http://registry.npmjs.org/', { signal: AbortSignal.timeout(2000) }).then(() => 'reachable', (e: Error) => e.name)",
          "const pg = (await import('pg')).default",
          'const client = new pg.Client({ connectionString: config.DATABASE_URL })',
          'await client.connect()',
          "const role = (await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0]",
          "const program = await client.query(\"COPY (SELECT 1) TO PROGRAM 'true'\").then(() => 'ran', (e: Error) => e.message)",
          'await client.end()',
          "const admin = new pg.Client({ connectionString: config.DATABASE_URL.replace('//service:', '//drill:') })",
          "const asAdmin = await admin.connect().then(() => 'connected', (e: Error) => e.message)",
          'throw new Error(`probe NODE_ENV=${process.env.NODE_ENV} interfaces=${interfaces.join(",")} routes=${routes} reached=${reached.join(",")} outside=${outside} superuser=${role?.rolsuper} program=${program} admin=${asAdmin}`)'
        ].join('\n')
      )
      const report = await grade({ repoRoot: checkout.root, scenario, runtime })
      expect(report.problem?.kind).toBe('service')
      const log = report.problem?.details.join('\n') ?? ''
      // The log also shows the probe's source line; the answers are in the message.
      const probe = /probe NODE_ENV=production interfaces=(\S*) routes=(\d+) reached=(\S+) outside=(\S+) superuser=(\S+) program=(.*) admin=(.*)$/m.exec(log)
      expect(probe, log).not.toBeNull()
      const [, interfaces, routes, reached, outside, superuser, program, admin] = probe ?? []
      expect({ interfaces, routes }).toEqual({ interfaces: 'lo', routes: '0' })
      expect(reached?.split(',')).toHaveLength(addresses.length + 1)
      expect(reached?.split(',').filter((answer) => answer.endsWith(':open'))).toEqual([])
      expect(outside).not.toBe('reachable')
      // The service's database role can use its databases and nothing more.
      expect(superuser).toBe('false')
      expect(program).toMatch(/^must be superuser or have privileges of the pg_execute_server_program role/)
      expect(admin).toMatch(/password authentication failed for user "drill"/)
    } finally {
      host.close()
    }
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

  it('removes a container whose start failed half-way, not only the ones that started', async () => {
    const environment = await runtime.startEnvironment({ bundleDir: join(checkout.root, 'services'), seed: 1, serviceToken: 't', timeoutMs: 60_000 })
    try {
      // The service joins the tests' container's network; with that container stopped, Docker creates the service's and fails to start it.
      const dockerode = (await getContainerRuntimeClient()).container.dockerode
      const tests = await eventually('the tests\' container', async () => {
        const found = await dockerode.listContainers({ filters: { label: [`${OWNER_TAG_LABEL}=${testRunTag()}`], name: ['drill-tests-'] } })
        return found[0]
      })
      await dockerode.getContainer(tests.Id).kill()
      const launch = { bundleDir: join(checkout.root, 'services', 'greetings'), entry: 'package.json', environment: {}, startTimeoutMs: 60_000 }
      await expect(environment.startService(launch, new AbortController().signal)).rejects.toThrow(/Docker could not start the service's containers/)
    } finally {
      await environment.stop()
    }
    // afterEach: nothing of it is left
  })

  it('removes its containers and volume on Ctrl-C', async () => {
    const run = await runDrill(['check', '--runtime', 'docker'], { cwd: checkout.root, interrupt: /Starting the service/ })
    expect(run.exitCode).toBe(130)
  })
})
