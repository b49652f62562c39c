import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, expectNoGradingProcesses, gradingProcesses, runDrill, startDrill, tempCheckout, type TempCheckout } from '@debug-drills/test-support'

const TUTORIAL = 'tutorial'
let checkout: TempCheckout

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
    await eventually('a warm database server', async () => gradingProcesses().find((line) => /drill-pg-/.test(line)), 20_000)
    watch.child.kill('SIGINT')
    expect(await watch.exited).toBe(130)
    await expectNoGradingProcesses()
  })

  it('leaves nothing running when it is killed outright while the trainee edits', async () => {
    const watch = startDrill(['watch', '--runtime', 'embedded'], { cwd: checkout.root })
    await watch.waitFor(/Watching services\/greetings\/src: save a file to check again/, 90_000)
    const server = await eventually('a warm database server', async () => gradingProcesses().find((line) => /drill-pg-/.test(line)), 20_000)
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
