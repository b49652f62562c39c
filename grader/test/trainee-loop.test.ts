import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceInFile } from './support/edit.js'
import { expectNoGradingProcesses, runDrill, tempCheckout, type TempCheckout } from '@debug-drills/test-support'

// The tutorial: a planted drill the repository keeps small and stable for its own tests.
const TUTORIAL = 'tutorial'

let checkout: TempCheckout
const drill = (...args: string[]) => runDrill(args, { cwd: checkout.root })
const statePath = () => join(checkout.root, '.drill', 'progress.json')
const readState = () => JSON.parse(readFileSync(statePath(), 'utf8'))
const writeState = (state: unknown) => writeFileSync(statePath(), JSON.stringify(state))
const inService = (...path: string[]) => join(checkout.root, 'services', 'greetings', 'src', ...path)
const branch = () => checkout.git('branch', '--show-current').trim()
const gitStatus = () => checkout.git('status', '--porcelain')
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /)

beforeAll(() => {
  checkout = tempCheckout()
})
afterAll(() => checkout[Symbol.dispose]())

describe('the whole loop', () => {
  it('start plants the bug unseen; hint, a failing check, the reference fix, a passing check; status shows the solve', async () => {
    const start = await drill('start', TUTORIAL)
    expect(start.exitCode).toBe(0)
    expect(start.stdout).toMatch(/returning visitors get the formal greeting/)
    expect(start.stdout).toMatch(/Clock started\. .* 10 min suggested · 100 points/)
    expect(start.stdout).not.toMatch(/type-coercion/)
    // The bug is in the working tree, and nothing shows it: a branch of its own, one commit without the trainee's identity.
    expect(branch()).toBe('drill/tutorial')
    expect(gitStatus()).toBe('')
    expect(checkout.git('diff')).toBe('')
    expect(checkout.git('log', '-1', '--format=%an <%ae>')).toMatch(/^Debug Drills <drills@debug-drills\.invalid>/)
    expect(checkout.git('rev-parse', 'main')).toBe(checkout.git('rev-parse', 'origin/main'))

    const hint = await drill('hint')
    expect(hint.exitCode).toBe(0)
    expect(hint.stdout).toMatch(/^Hint 1 of 3 \(−10 points, \d+ s in\)\nReproduce it/)

    const failing = await drill('check', '--runtime', 'embedded')
    expect(failing.exitCode).toBe(1)
    expect(failing.stdout).toMatch(/FAIL .* behaviours still break/)
    expect(failing.stdout).toMatch(/\d+ s of 10 min · 1 of 3 hints used\. Stuck\? drill hint/)

    checkout.git('apply', join('scenarios', TUTORIAL, 'fix.patch'))
    expect(gitStatus()).toBe(' M services/greetings/src/schemas/greetings.ts\n')
    const passing = await drill('check', '--runtime', 'embedded')
    expect(passing.exitCode).toBe(0)
    expect(passing.stdout).toMatch(/Solved in \d+ s \(suggested: 10 min\) with 1 hint\./)
    expect(passing.stdout).toMatch(/Score 90 = 100 for difficulty 1 − 0 for overtime − 10 for hints/)
    expect(passing.stdout).toMatch(/Why it hid/) // the explanation

    const status = JSON.parse((await drill('status', '--json')).stdout)
    expect(status.tutorial).toMatchObject({ id: TUTORIAL, solved: true, attempts: 1, best: { hintsUsed: 1, score: 90 } })
    expect(status.tutorial.best.elapsedMs).toBeGreaterThan(0)
    expect(status).toMatchObject({ solved: 0, active: null })
    const text = await drill('status')
    expect(text.stdout).toMatch(/✓ tutorial\s+easy · best \d+ s · 1 hint · 90 points · 1 attempt/)
    await expectNoGradingProcesses()
  })

  it('suggests a real drill next; hints need an active drill, and a check after the solve grades the branch without recording it', async () => {
    const next = JSON.parse((await drill('next', '--json')).stdout)
    expect(next.suggestion.scenario).not.toBe(TUTORIAL)
    const status = await drill('status')
    expect(status.stdout).toMatch(/No clock is running\. You are on drill\/tutorial: `drill exit` takes you back to your branch\./)
    expect(status.stdout).toMatch(/still to solve +\d+ drills; their kind of bug shows once solved or given up/)
    expect(status.stdout).not.toMatch(/missing-await|stale-state|environment-mismatch/)
    const again = await drill('check', '--runtime', 'embedded')
    expect(again.exitCode).toBe(0)
    expect(again.stdout).toMatch(/Not timed or recorded/)
    for (const command of [['hint'], ['giveup']]) {
      const run = await drill(...command)
      expect(run.exitCode, command.join(' ')).toBe(2)
      expect(run.stderr).toMatch(new RegExp(`No drill is active, so \`drill ${command[0]}\` does not know what to work on\\. Start one with \`drill start <scenario>\``))
    }
  })

  it('exit goes back to the branch the trainee was on, with the work on the drill saved as a patch', async () => {
    const exit = await drill('exit')
    expect(exit.exitCode).toBe(0)
    expect(exit.stdout).toMatch(/Left drill\/tutorial; back on main\./)
    const saved = /saved in (\S+)\./.exec(exit.stdout)?.[1]
    expect(saved).toMatch(/^\.drill\/backups\/greetings-.*\.patch$/)
    expect(branch()).toBe('main')
    expect(gitStatus()).toBe('')
    expect(checkout.git('branch', '--list', 'drill/*')).toBe('')
    expect((await drill('exit')).stderr).toMatch(/not on a drill branch: there is nothing to leave/)
  })
})

describe('drill start, exit and reset give back exactly what the trainee had', () => {
  it('will not discard edits of the service without being told; afterwards every earlier edit comes back byte for byte', async () => {
    writeFileSync(inService('notes.ts'), 'export const notes = 1\n')
    replaceInFile(inService('app.ts'), 'export default', '// mine\nexport default')
    replaceInFile(join(checkout.root, 'services', 'orders', 'src', 'app.ts'), 'export default', '// elsewhere\nexport default')
    const appBefore = readFileSync(inService('app.ts'))
    const ordersBefore = readFileSync(join(checkout.root, 'services', 'orders', 'src', 'app.ts'))

    const refused = await drill('start', TUTORIAL)
    expect(refused.exitCode).toBe(2)
    expect(refused.stdout).toMatch(/services\/greetings\/src\/app\.ts\n {2}services\/greetings\/src\/notes\.ts/)
    expect(refused.stderr).toMatch(/no terminal to ask whether to discard them\. Run the command again with --yes/)
    expect(branch()).toBe('main')

    const started = await drill('start', TUTORIAL, '--yes')
    expect(started.exitCode).toBe(0)
    expect(branch()).toBe('drill/tutorial')
    expect(existsSync(inService('notes.ts'))).toBe(false)
    expect(gitStatus()).toBe(' M services/orders/src/app.ts\n')

    // Work on the drill, then switch: starting it again leaves the branch first and plants it afresh.
    checkout.git('apply', join('scenarios', TUTORIAL, 'fix.patch'))
    const switched = await drill('start', TUTORIAL, '--yes')
    expect(switched.exitCode).toBe(0)
    expect(switched.stdout).toMatch(/Left drill\/tutorial; back on main\./)
    expect(gitStatus()).toBe(' M services/orders/src/app.ts\n')

    const reset = await drill('reset', TUTORIAL, '--yes')
    expect(reset.exitCode).toBe(0)
    expect(reset.stdout).toMatch(/Reset tutorial: back to its start, and its progress is forgotten/)
    expect(branch()).toBe('main')
    expect(readFileSync(inService('notes.ts'), 'utf8')).toBe('export const notes = 1\n')
    expect(readFileSync(inService('app.ts')).equals(appBefore)).toBe(true)
    expect(readFileSync(join(checkout.root, 'services', 'orders', 'src', 'app.ts')).equals(ordersBefore)).toBe(true)
    expect(readdirSync(join(checkout.root, '.drill', 'backups')).length).toBeGreaterThanOrEqual(3)
    checkout.git('checkout', '--', 'services')
    checkout.git('clean', '-fdq', 'services')
  })

  it('names the known scenarios for an unknown one', async () => {
    const run = await drill('start', 'tutorail')
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/There is no scenario "tutorail"\. Known scenarios: accounts-duplicate-signup,/)
  })
})

describe('drill hint', () => {
  it('holds back a hint until its time, and records each one once', async () => {
    replaceInFile(join(checkout.root, 'scenarios', TUTORIAL, 'scenario.yaml'), '    availableAfterMinutes: 0\n  - text: >-\n      `formal` arrives', '    availableAfterMinutes: 3\n  - text: >-\n      `formal` arrives')
    expect((await drill('start', TUTORIAL)).exitCode).toBe(0)
    const opened = await drill('hint', '--json')
    expect(JSON.parse(opened.stdout)).toMatchObject({ outcome: 'shown', hint: { index: 0, cost: 10 } })
    const gated = await drill('hint')
    expect(gated.exitCode).toBe(1)
    expect(gated.stdout).toMatch(/Hint 2 of 3 opens 3 min 00 s into the drill; you are \d+ s in, so it opens in (3 min 00|2 min \d\d) s\./)
    // Four minutes later (the clock is the start time in the progress file):
    const state = readState()
    const attempt = state.scenarios[TUTORIAL].attempts.at(-1)
    attempt.startedAt = new Date(Date.now() - 4 * 60_000).toISOString()
    writeState(state)
    const second = await drill('hint')
    expect(second.exitCode).toBe(0)
    expect(second.stdout).toMatch(/^Hint 2 of 3 \(−20 points, 4 min 0\d s in\)/)
    expect(readState().scenarios[TUTORIAL].attempts.at(-1).hints.map((hint: { index: number }) => hint.index)).toEqual([0, 1])
  })
})

describe('drill giveup', () => {
  it('shows the reference fix and the explanation, and the drill stays unsolved this time', async () => {
    const run = await drill('giveup')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/given up after 4 min/)
    expect(run.stdout).toContain('+  formal: Type.Boolean({ default: false })')
    expect(run.stdout).toMatch(/How to prevent it/)
    expect(run.stdout).toMatch(/drill exit takes you back to your branch/)
    const status = JSON.parse((await drill('status', '--json')).stdout)
    // The reset above forgot the solve: this is the only attempt on record.
    expect(status.tutorial).toMatchObject({ gaveUp: 1, attempts: 1, active: false })
    expect(status.active).toBeNull()
  })
})

describe('drill export, import and reset', () => {
  it('moves progress through a file, and importing it twice adds nothing', async () => {
    const file = join(checkout.root, '..', 'progress-export.json')
    const exported = await drill('export', file)
    expect(exported.exitCode).toBe(0)
    expect(exported.stdout).toMatch(/Exported 1 attempt /)
    expect((await drill('export', file)).stderr).toMatch(/already exists; export does not overwrite files/)
    const before = readFileSync(statePath(), 'utf8')

    const reset = await drill('reset', '--all', '--yes')
    expect(reset.exitCode).toBe(0)
    expect(branch()).toBe('main')
    expect(JSON.parse((await drill('status', '--json')).stdout).tutorial).toMatchObject({ solved: false, attempts: 0 })

    expect((await drill('import', file)).stdout).toMatch(/Imported 1 new attempt/)
    expect((await drill('import', file)).stdout).toMatch(/Imported 0 new attempts .*already here/)
    expect(JSON.parse((await drill('status', '--json')).stdout).tutorial).toMatchObject({ solved: false, gaveUp: 1, attempts: 1 })
    const attempts = (text: string) =>
      (JSON.parse(text).scenarios[TUTORIAL].attempts as { startedAt: string }[]).sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    expect(attempts(readFileSync(statePath(), 'utf8'))).toEqual(attempts(before))
  })

  it('rejects a file that is not progress, and changes nothing', async () => {
    const file = join(checkout.root, '..', 'not-progress.json')
    writeFileSync(file, '{"hello": "world"}')
    const before = readFileSync(statePath(), 'utf8')
    const run = await drill('import', file)
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/The file to import .*not-progress\.json is in an older or unknown format .* Nothing was imported; your progress is unchanged\./)
    noStackTrace(run.stderr)
    expect(readFileSync(statePath(), 'utf8')).toBe(before)
  })

  it('reset asks before it forgets progress', async () => {
    const refused = await drill('reset', TUTORIAL)
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toMatch(/Resetting forgets 1 recorded attempt \(0 solved\) of tutorial, and there is no terminal to ask/)
    expect(readState().scenarios[TUTORIAL].attempts).toHaveLength(1)
  })
})

describe('a corrupt progress file', () => {
  it('gives a clear message and a way on, and is never emptied or overwritten', async () => {
    expect((await drill('start', TUTORIAL, '--yes')).exitCode).toBe(0)
    const corrupt = '{"format": 1, "scenarios": {"tutorial": {"attempts": [{"startedAt": '
    writeFileSync(statePath(), corrupt)
    for (const command of [['status'], ['start', TUTORIAL, '--yes'], ['hint'], ['next'], ['export']]) {
      const run = await drill(...command)
      expect(run.exitCode, command.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/progress\.json is not valid JSON .* The file was left exactly as it is\. To start with fresh progress, move it aside \(`mv /)
      noStackTrace(run.stderr)
    }
    expect(readFileSync(statePath(), 'utf8')).toBe(corrupt)
    // A check still grades (it is not recorded) when it names its scenario.
    const check = await drill('check', TUTORIAL, '--runtime', 'embedded')
    expect(check.exitCode).toBe(1)
    expect(check.stderr).toMatch(/this check is not recorded\. Your progress file/)
    expect(readFileSync(statePath(), 'utf8')).toBe(corrupt)
    execFileSync('mv', [statePath(), `${statePath()}.bak`])
    expect((await drill('status')).exitCode).toBe(0)
  })
})
