import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, expectNoGradingProcesses, gradingProcesses, runDrill, startDrill, tempCheckout, type TempCheckout } from '@debug-drills/test-support'

const TUTORIAL = 'tutorial'
let checkout: TempCheckout

/** The PostgreSQL server of a check or warm start (not the copy of its cluster that precedes it). */
const warmServer = () => gradingProcesses().find((line) => /\s-D \S*drill-pg-/.test(line))

beforeAll(async () => {
  checkout = tempCheckout()
  expect((await runDrill(['start', TUTORIAL], { cwd: checkout.root })).exitCode).toBe(0)
})
afterAll(() => checkout[Symbol.dispose]())

describe('drill watch', () => {
  it('stops everything on Ctrl-C during a check and exits 130', async () => {
    const watch = startDrill(['watch', '--runtime', 'embedded'], { cwd: checkout.root })
    await watch.waitFor(/Starting the service/)
    watch.child.kill('SIGINT')
    expect(await watch.exited).toBe(130)
    await expectNoGradingProcesses()
  })

  it('stops the next check’s warm start on Ctrl-C while the trainee edits, and exits 130', async () => {
    const watch = startDrill(['watch', '--runtime', 'embedded'], { cwd: checkout.root })
    await watch.waitFor(/Watching services\/greetings\/src: save a file to check again/, 90_000)
    // After the first verdict the next check's database server comes up, and stays up while the trainee edits.
    await eventually('a warm database server', async () => warmServer(), 20_000)
    watch.child.kill('SIGINT')
    expect(await watch.exited).toBe(130)
    await expectNoGradingProcesses()
  })

  it('leaves nothing running when it is killed outright while the trainee edits', async () => {
    const watch = startDrill(['watch', '--runtime', 'embedded'], { cwd: checkout.root })
    await watch.waitFor(/Watching services\/greetings\/src: save a file to check again/, 90_000)
    const server = await eventually('a warm database server', async () => warmServer(), 20_000)
    const folder = dirname(/-D (\S+)/.exec(server)?.[1] ?? '')
    expect(existsSync(folder)).toBe(true)
    // No exit handler runs on SIGKILL: the guardian that watch started stops the server and removes its folder.
    watch.child.kill('SIGKILL')
    await watch.exited
    await expectNoGradingProcesses()
    expect(existsSync(folder)).toBe(false)
  })

  it('leaves no service, test run or database running when it is killed outright during a check', async () => {
    const watch = startDrill(['watch', '--runtime', 'embedded'], { cwd: checkout.root })
    await watch.waitFor(/Running the hidden tests/, 90_000)
    expect(gradingProcesses().some((line) => /drill-pg-/.test(line))).toBe(true)
    watch.child.kill('SIGKILL')
    await watch.exited
    await expectNoGradingProcesses()
  })

  it('shows in `drill status`, stops what it keeps warm after the idle timeout, warms again after a save, and ends on `drill stop`', async () => {
    const watch = startDrill(['watch', '--runtime', 'embedded', '--idle', '0.1'], { cwd: checkout.root })
    const status = async () => (await runDrill(['status'], { cwd: checkout.root })).stdout
    await watch.waitFor(/Watching services\/greetings\/src: save a file to check again/, 90_000)
    await eventually('a warm database server', async () => warmServer(), 20_000)
    expect(await eventually('status to show the warm watch', async () => ((text) => (/next check's database and tests are warm/.test(text) ? text : undefined))(await status()), 20_000)).toMatch(
      /`drill watch` \(process \d+, embedded\) checks tutorial on every save; the next check's database and tests are warm \(stopped after 0\.1 min without a save\)\. `drill stop` ends it\./
    )
    // Six seconds without a save: the warm pieces stop, the watch goes on.
    await watch.waitFor(/No save for 0\.1 min: stopped the database and tests kept warm for the next check\. The next save checks from a cold start\./, 30_000)
    await eventually('the warm database server to stop', async () => (warmServer() ? undefined : true), 20_000)
    expect(await status()).toMatch(/checks tutorial on every save; nothing kept warm: no save for 0\.1 min, so the next save checks from a cold start\./)
    const json = JSON.parse((await runDrill(['status', '--json'], { cwd: checkout.root })).stdout) as { watches: { scenario: string; warm: string; runtime: string }[] }
    expect(json.watches).toEqual([expect.objectContaining({ scenario: TUTORIAL, warm: 'idle', runtime: 'embedded' })])
    // A save checks again (from cold) and warms the next check again.
    const source = join(checkout.root, 'services', 'greetings', 'src', 'app.ts')
    writeFileSync(source, readFileSync(source, 'utf8'))
    await watch.waitFor(/(Watching services\/greetings\/src: save a file to check again[\s\S]*){2}/, 90_000)
    await eventually('a warm database server again', async () => warmServer(), 20_000)
    const stopped = await runDrill(['stop'], { cwd: checkout.root })
    expect(stopped.stdout).toMatch(/Stopped `drill watch` of tutorial \(process \d+\)( and the database and tests it kept warm)?\./)
    expect(await watch.exited).toBe(130)
    await expectNoGradingProcesses()
    expect(await status()).not.toMatch(/drill watch/)
    expect(readdirSync(join(checkout.root, '.drill', 'watch'))).toEqual([])
  })

  it('keeps its warm start to its own checkout: a second checkout neither sees, stops nor disturbs it', async () => {
    const watch = startDrill(['watch', '--runtime', 'embedded'], { cwd: checkout.root })
    await watch.waitFor(/Watching services\/greetings\/src: save a file to check again/, 90_000)
    const server = await eventually('a warm database server', async () => warmServer(), 20_000)
    using other = tempCheckout()
    expect((await runDrill(['start', TUTORIAL], { cwd: other.root })).exitCode).toBe(0)
    // A check there starts and stops its own database server, and sweeps what dead checks left.
    expect((await runDrill(['check', '--runtime', 'embedded'], { cwd: other.root })).exitCode).toBe(1)
    expect((await runDrill(['status'], { cwd: other.root })).stdout).not.toMatch(/drill watch/)
    expect((await runDrill(['stop'], { cwd: other.root })).stdout).toMatch(/Nothing to stop: no `drill run` or `drill watch` is running in this checkout\./)
    // The same server process, still there (its ps state may differ).
    const serverPid = server.trim().split(/\s+/)[0]
    expect(warmServer()?.trim().split(/\s+/)[0]).toBe(serverPid)
    expect((await runDrill(['status'], { cwd: checkout.root })).stdout).toMatch(/checks tutorial on every save; the next check's database and tests are warm/)
    watch.child.kill('SIGINT')
    expect(await watch.exited).toBe(130)
    await expectNoGradingProcesses()
  })

  it('checks at once, again on every save, and ends with the debrief when the drill passes', async () => {
    await using watch = startDrill(['watch', '--runtime', 'embedded'], { cwd: checkout.root })
    await watch.waitFor(/Watching services\/greetings\/src: save a file to check again/, 90_000)
    expect(watch.output()).toMatch(/FAIL .* behaviours still break/)
    checkout.git('apply', join('scenarios', TUTORIAL, 'fix.patch'))
    expect(await watch.exited).toBe(0)
    const checks = watch.output().match(/^drill check tutorial/gm) ?? []
    expect(checks).toHaveLength(2)
    expect(watch.output()).toMatch(/PASS {2}all \d+ behaviours hold/)
    expect(watch.output()).toMatch(/Solved in .* with 0 hints\.\n {2}Score 100 = 100/)
    await expectNoGradingProcesses()
  })
})
