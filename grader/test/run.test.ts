import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { processAlive } from '../src/lifecycle/processes.js'
import { composeProject } from '../src/trainee/docker-run.js'
import { dockerAvailable, drillBin, expectNoGradingProcesses, gradingProcesses, runDrill, startDrill, tempCheckout, type TempCheckout } from '@debug-drills/test-support'
import { evaluateInInspector } from './support/inspector.js'

// The tutorial: a planted drill the repository keeps small and stable for its own tests.
const TUTORIAL = 'tutorial'
let checkout: TempCheckout
const drill = (...args: string[]) => runDrill(args, { cwd: checkout.root })

interface Exchange {
  request: { method: string; url: string }
  // `drill repro --json` gives JSON bodies as JSON.
  response: { status: number; body: { text?: string } }
}
/** The answer to the ticket's last request: the casual greeting once fixed. */
const casualAnswer = (exchanges: Exchange[]) => exchanges.at(-1)!.response.body.text

beforeAll(async () => {
  checkout = tempCheckout()
  expect((await drill('start', TUTORIAL)).exitCode).toBe(0)
})
afterAll(() => checkout[Symbol.dispose]())

describe('drill run (embedded)', () => {
  it('serves the working copy with a seeded database and a debugger port, reloads on save, and stops everything on Ctrl-C', async () => {
    await using run = startDrill(['run', '--prod', '--inspect', '9339', '--port', '3902'], { cwd: checkout.root })
    // The banner's last line: the whole banner has arrived.
    await run.waitFor(/Stop {7}Ctrl-C stops the service and its database/, 90_000)
    expect(run.output()).toMatch(/greetings is running for tutorial · production settings \(scenarios\/tutorial\/scenario\.yaml\)/)
    expect(run.output()).toMatch(/Service {4}http:\/\/127\.0\.0\.1:3902/)
    expect(run.output()).toMatch(/Database {3}postgresql:\/\/postgres:postgres@127\.0\.0\.1:\d+\/greetings/)
    expect(run.output()).toMatch(/SQL {8}every statement is logged to \.drill\/run\/greetings-postgres\.log/)
    expect(run.output()).toMatch(/Debugger {3}ws:\/\/127\.0\.0\.1:9339/)
    // Not the committed configuration's port 9229: the banner prints one to paste.
    expect(run.output()).toMatch(/"name": "Attach to drill run \(port 9339\)",\n.*"type": "node",\n.*"request": "attach",\n.*"address": "127\.0\.0\.1",\n.*"port": 9339,/)

    // The seed data is there, and a debugger can attach: the inspector lists the service.
    const languages = (await (await fetch('http://127.0.0.1:3902/languages', { headers: { authorization: 'Bearer dev-greetings-key' } })).json()) as unknown
    expect(JSON.stringify(languages)).toContain('pt-BR')
    const targets = (await (await fetch('http://127.0.0.1:9339/json/list')).json()) as { type: string; url: string }[]
    expect(targets[0]?.url).toMatch(/services\/greetings\/src\/server\.ts$/)
    // Attached, it inspects the live process: the service runs under the drill's environment.
    expect(await evaluateInInspector('127.0.0.1:9339', '[process.env.NODE_ENV, process.env.PORT, process.env.DATABASE_URL.endsWith("/greetings")]')).toEqual([
      'production',
      '3902',
      true
    ])

    // The symptom, replayed from the ticket with fresh records each time.
    const buggy = JSON.parse((await drill('repro', '--json')).stdout) as { url: string; exchanges: Exchange[] }
    expect(buggy.url).toBe('http://127.0.0.1:3902')
    expect(buggy.exchanges.map((exchange) => exchange.response.status)).toEqual([200, 200, 200])
    expect(casualAnswer(buggy.exchanges)).toBe('Good morning, Ada.')
    const text = await drill('repro')
    expect(text.stdout).toMatch(/# should be the casual greeting.*\n> GET \/greetings\/en-[A-Z0-9]{5}\?name=Ada&formal=false HTTP\/1\.1\n(> .*\n)+>\n< HTTP\/1\.1 200 OK/)
    expect(text.stdout).toMatch(/> Authorization: Bearer dev-greetings-key/)

    // A second run of the same service is refused, naming the first.
    const second = await drill('run')
    expect(second.exitCode).toBe(2)
    expect(second.stderr).toMatch(/`drill run` already serves greetings on http:\/\/127\.0\.0\.1:3902/)

    // A check while the service runs grades its own copy, undisturbed.
    const check = await drill('check', '--runtime', 'embedded')
    expect(check.exitCode).toBe(1)
    expect(check.stdout).toMatch(/FAIL .* behaviours still break/)

    // Saving the fix restarts the service; the same requests now answer the casual greeting.
    checkout.git('apply', join('scenarios', TUTORIAL, 'fix.patch'))
    let fixed: Exchange[] = []
    for (let attempt = 0; attempt < 40; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      const replay = await drill('repro', '--json')
      if (replay.exitCode !== 0) continue
      fixed = (JSON.parse(replay.stdout) as { exchanges: Exchange[] }).exchanges
      if (casualAnswer(fixed) === 'Hi Ada!') break
    }
    expect(casualAnswer(fixed)).toBe('Hi Ada!')

    run.child.kill('SIGINT')
    expect(await run.exited).toBe(0)
    expect(run.output()).toMatch(/Stopped greetings and its database\./)
    await expectNoGradingProcesses()
    const after = await drill('repro')
    expect(after.exitCode).toBe(2)
    expect(after.stderr).toMatch(/Nothing serves greetings yet\. Start it in another terminal with `drill run tutorial`/)
  })

  it('refuses a port that is taken, and an unknown target, with what to do', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(3903, '127.0.0.1', resolve))
    try {
      const taken = await drill('run', 'catalog', '--port', '3903')
      expect(taken.exitCode).toBe(2)
      expect(taken.stderr).toMatch(/Port 3903 for the catalog service is taken by another program .* choose another port with --port <port>\./)
    } finally {
      blocker.close()
    }
    const databaseBlocker = createServer()
    await new Promise<void>((resolve) => databaseBlocker.listen(3907, '127.0.0.1', resolve))
    try {
      const taken = await drill('run', 'catalog', '--port', '3908', '--db-port', '3907')
      expect(taken.exitCode).toBe(2)
      expect(taken.stderr).toMatch(/Port 3907 for the catalog database is taken by another program .* choose another port with --db-port <port>\./)
    } finally {
      databaseBlocker.close()
    }
    const unknown = await drill('run', 'catalgo')
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/There is no scenario or service "catalgo"\. Scenarios: .* Services: accounts, billing, catalog, greetings, notifications, orders, wallet\./)
    // cac prints "(default: true)" after a negated flag unless told otherwise.
    const help = await drill('run', '--help')
    expect(help.stdout).toMatch(/--no-seed +Leave the database empty instead of loading the seed data\s*\n/)
    expect(help.stdout).not.toMatch(/default: true/)
  })

  it('`drill stop` stops a run from another terminal, on the database port it was given', async () => {
    const nothing = await drill('stop')
    expect(nothing.exitCode).toBe(0)
    expect(nothing.stdout).toMatch(/Nothing to stop: no `drill run` or `drill watch` is running in this checkout\./)
    const run = startDrill(['run', 'orders', '--port', '3909', '--db-port', '3910', '--no-seed'], { cwd: checkout.root })
    await run.waitFor(/Stop {7}Ctrl-C stops the service and its database/, 90_000)
    expect(run.output()).toMatch(/Database {3}postgresql:\/\/postgres:postgres@127\.0\.0\.1:3910\/orders/)
    expect((await drill('status')).stdout).toMatch(/`drill run` \(process \d+, embedded\) serves orders at http:\/\/127\.0\.0\.1:3909\. `drill stop` ends it\./)
    const notThat = await drill('stop', 'catalog')
    expect(notThat.stdout).toMatch(/Nothing to stop: no `drill run` or `drill watch` of this checkout works on catalog\./)
    const stopped = await drill('stop', 'orders')
    expect(stopped.exitCode).toBe(0)
    expect(stopped.stdout).toMatch(/Stopped orders \(http:\/\/127\.0\.0\.1:3909, process \d+\) and its database\./)
    expect(await run.exited).toBe(0)
    await expectNoGradingProcesses()
    expect((await drill('status')).stdout).not.toMatch(/drill run/)
  })

  it('stops everything when the process that started it dies (a killed `npx` wrapper)', async () => {
    // Like `npm exec`, this wrapper does not pass signals on; SIGKILL leaves no chance to.
    const wrapper = spawn(process.execPath, ['-e', `require('node:child_process').spawn(process.execPath, ${JSON.stringify([drillBin, 'run', 'orders', '--port', '3911'])}, { stdio: 'inherit' }); setInterval(() => {}, 1000)`], {
      cwd: checkout.root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    wrapper.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    wrapper.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    for (let waited = 0; !/Stop {7}Ctrl-C/.test(output); waited += 250) {
      if (waited > 90_000) throw new Error(`drill run did not start:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const { pid } = JSON.parse(readFileSync(join(checkout.root, '.drill', 'run', 'orders.json'), 'utf8')) as { pid: number }
    expect(gradingProcesses().length).toBeGreaterThan(0)
    wrapper.kill('SIGKILL')
    for (let waited = 0; processAlive(pid); waited += 100) {
      if (waited > 30_000) throw new Error(`drill run (process ${pid}) still runs after its parent died:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(output).toMatch(/the process that started `drill run` has ended/)
    await expectNoGradingProcesses()
    const health = await fetch('http://127.0.0.1:3911/health').catch(() => undefined)
    expect(health).toBeUndefined()
  })

  it('leaves no service or database running when it is killed outright', async () => {
    const run = startDrill(['run', 'orders', '--port', '3918'], { cwd: checkout.root })
    await run.waitFor(/Stop {7}Ctrl-C stops the service and its database/, 90_000)
    expect((await fetch('http://127.0.0.1:3918/health')).status).toBe(200)
    run.child.kill('SIGKILL')
    await run.exited
    await expectNoGradingProcesses()
    const health = await fetch('http://127.0.0.1:3918/health').catch(() => undefined)
    expect(health).toBeUndefined()
  })

  it('stops what it started when Ctrl-C comes during start-up', async () => {
    const run = startDrill(['run', 'orders', '--port', '3904'], { cwd: checkout.root })
    await run.waitFor(/Starting PostgreSQL/)
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(130)
    await expectNoGradingProcesses()
  })
})

describe.runIf(await dockerAvailable())('drill run --docker', () => {
  it('serves the working copy through docker compose and removes its containers on Ctrl-C', async () => {
    checkout.git('checkout', '--', 'services')
    const project = composeProject(checkout.root, 'greetings')
    await using run = startDrill(['run', TUTORIAL, '--docker', '--port', '3905'], { cwd: checkout.root })
    await run.waitFor(/Stop {7}Ctrl-C stops the service and its database/, 240_000)
    expect(run.output()).toMatch(/greetings is running for tutorial/)
    const health = await fetch('http://127.0.0.1:3905/health')
    expect(health.status).toBe(200)
    const repro = JSON.parse((await drill('repro', TUTORIAL, '--json')).stdout) as { exchanges: Exchange[] }
    expect(casualAnswer(repro.exchanges)).toBe('Good morning, Ada.')
    // A save re-bundles the service into its container and restarts it.
    checkout.git('apply', join('scenarios', TUTORIAL, 'fix.patch'))
    await run.waitFor(/drill: restarted the service container with your edit/, 60_000)
    let answer: string | undefined
    for (let attempt = 0; attempt < 40 && answer !== 'Hi Ada!'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      const replay = await drill('repro', TUTORIAL, '--json')
      if (replay.exitCode === 0) answer = casualAnswer((JSON.parse(replay.stdout) as { exchanges: Exchange[] }).exchanges)
    }
    expect(answer).toBe('Hi Ada!')
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(0)
    const { execFileSync } = await import('node:child_process')
    const left = execFileSync('docker', ['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}'], { encoding: 'utf8' })
    expect(left.trim()).toBe('')
  })
})
