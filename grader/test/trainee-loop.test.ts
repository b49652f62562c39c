import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceInFile } from './support/edit.js'
import { expectNoGradingProcesses } from './support/leftovers.js'
import { runDrill } from './support/run-drill.js'
import { tempCheckout, type TempCheckout } from './support/temp-checkout.js'

const CATALOG = 'catalog-sold-out-stock'
const BUGGY_LINE = '.filter(([, value]) => value)'

let checkout: TempCheckout
const drill = (...args: string[]) => runDrill(args, { cwd: checkout.root })
const statePath = () => join(checkout.root, '.drill', 'progress.json')
const readState = () => JSON.parse(readFileSync(statePath(), 'utf8'))
const writeState = (state: unknown) => writeFileSync(statePath(), JSON.stringify(state))
const pickDefined = () => join(checkout.root, 'services', 'catalog', 'src', 'domain', 'pick-defined.ts')
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /)

beforeAll(() => {
  checkout = tempCheckout()
})
afterAll(() => checkout[Symbol.dispose]())

describe('the whole loop', () => {
  it('start, hint, a failing check, the reference fix, a passing check, and status shows the solve', async () => {
    const start = await drill('start', CATALOG)
    expect(start.exitCode).toBe(0)
    expect(start.stdout).toMatch(/Sold-out products/)
    expect(start.stdout).toMatch(/Clock started\. .* 15 min suggested · 100 points/)

    const hint = await drill('hint')
    expect(hint.exitCode).toBe(0)
    expect(hint.stdout).toMatch(/^Hint 1 of 3 \(−10 points, \d+ s in\)\nReproduce it/)

    const failing = await drill('check', '--runtime', 'embedded')
    expect(failing.exitCode).toBe(1)
    expect(failing.stdout).toMatch(/FAIL .* behaviours still break/)
    expect(failing.stdout).toMatch(/\d+ s of 15 min · 1 of 3 hints used\. Stuck\? drill hint/)

    checkout.git('apply', join('scenarios', CATALOG, 'fix.patch'))
    const passing = await drill('check', '--runtime', 'embedded')
    expect(passing.exitCode).toBe(0)
    expect(passing.stdout).toMatch(/Solved in \d+ s \(suggested: 15 min\) with 1 hint\./)
    expect(passing.stdout).toMatch(/Score 90 = 100 for difficulty 1 − 0 for overtime − 10 for hints/)
    expect(passing.stdout).toMatch(/Why it hid/) // the explanation

    const status = JSON.parse((await drill('status', '--json')).stdout)
    const coercion = status.classes.find((group: { bugClass: string }) => group.bugClass === 'type-coercion')
    expect(coercion).toMatchObject({ solved: 1, total: 1 })
    expect(coercion.scenarios[0]).toMatchObject({ id: CATALOG, solved: true, attempts: 1, best: { hintsUsed: 1, score: 90 } })
    expect(coercion.scenarios[0].best.elapsedMs).toBeGreaterThan(0)
    expect(status).toMatchObject({ solved: 1, score: 90, active: null })
    const text = await drill('status')
    expect(text.stdout).toMatch(/✓ catalog-sold-out-stock\s+easy · best \d+ s · 1 hint · 90 points · 1 attempt/)
    await expectNoGradingProcesses()
  })

  it('suggests an unsolved drill next, and checks with no active drill ask for one', async () => {
    const next = JSON.parse((await drill('next', '--json')).stdout)
    expect(next.suggestion.scenario).not.toBe(CATALOG)
    for (const command of [['hint'], ['check'], ['giveup'], ['watch'], ['repro']]) {
      const run = await drill(...command)
      expect(run.exitCode, command.join(' ')).toBe(2)
      expect(run.stderr).toMatch(new RegExp(`No drill is active, so \`drill ${command[0]}\` does not know what to work on\\. Start one with \`drill start <scenario>\``))
    }
  })
})

describe('drill start', () => {
  it('names the known scenarios for an unknown one', async () => {
    const run = await drill('start', 'catalog-sold-out')
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/There is no scenario "catalog-sold-out"\. Known scenarios: accounts-duplicate-signup,/)
  })

  it('will not discard edits without being told, then keeps them in a patch, and leaves other services alone', async () => {
    // The fix from the loop above is still applied; add a new file and an edit elsewhere.
    writeFileSync(join(checkout.root, 'services', 'catalog', 'src', 'notes.ts'), 'export const notes = 1\n')
    replaceInFile(join(checkout.root, 'services', 'orders', 'src', 'app.ts'), 'export default', '// mine\nexport default')
    const refused = await drill('start', CATALOG)
    expect(refused.exitCode).toBe(2)
    expect(refused.stdout).toMatch(/services\/catalog\/src\/domain\/pick-defined\.ts\n {2}services\/catalog\/src\/notes\.ts/)
    expect(refused.stderr).toMatch(/no terminal to ask whether to discard them\. Run the command again with --yes/)
    expect(readFileSync(pickDefined(), 'utf8')).not.toContain(BUGGY_LINE)

    const started = await drill('start', CATALOG, '--yes')
    expect(started.exitCode).toBe(0)
    expect(readFileSync(pickDefined(), 'utf8')).toContain(BUGGY_LINE)
    expect(existsSync(join(checkout.root, 'services', 'catalog', 'src', 'notes.ts'))).toBe(false)
    expect(readFileSync(join(checkout.root, 'services', 'orders', 'src', 'app.ts'), 'utf8')).toContain('// mine')
    const backup = /saved in (\S+);/.exec(started.stdout)?.[1]
    expect(backup).toBeDefined()
    checkout.git('apply', backup!)
    expect(readFileSync(pickDefined(), 'utf8')).not.toContain(BUGGY_LINE)
    expect(readFileSync(join(checkout.root, 'services', 'catalog', 'src', 'notes.ts'), 'utf8')).toBe('export const notes = 1\n')
    checkout.git('checkout', '--', 'services/orders')
    expect((await drill('start', CATALOG, '--yes')).exitCode).toBe(0)
  })
})

describe('drill hint', () => {
  it('holds back a hint until its time, and records each one once', async () => {
    const opened = await drill('hint', '--json')
    expect(JSON.parse(opened.stdout)).toMatchObject({ outcome: 'shown', hint: { index: 0, cost: 10 } })
    const gated = await drill('hint')
    expect(gated.exitCode).toBe(1)
    expect(gated.stdout).toMatch(/Hint 2 of 3 opens 3 min 00 s into the drill; you are \d+ s in, so it opens in (3 min 00|2 min \d\d) s\./)
    // Four minutes later (the clock is the start time in the progress file):
    const state = readState()
    const attempt = state.scenarios[CATALOG].attempts.at(-1)
    attempt.startedAt = new Date(Date.now() - 4 * 60_000).toISOString()
    writeState(state)
    const second = await drill('hint')
    expect(second.exitCode).toBe(0)
    expect(second.stdout).toMatch(/^Hint 2 of 3 \(−20 points, 4 min 0\d s in\)/)
    expect(readState().scenarios[CATALOG].attempts.at(-1).hints.map((hint: { index: number }) => hint.index)).toEqual([0, 1])
  })
})

describe('drill giveup', () => {
  it('shows the reference fix and the explanation, and the drill stays unsolved', async () => {
    const run = await drill('giveup')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/given up after 4 min/)
    expect(run.stdout).toContain('-  return Object.fromEntries')
    expect(run.stdout).toMatch(/How to prevent it/)
    const status = JSON.parse((await drill('status', '--json')).stdout)
    const catalog = status.classes.flatMap((group: { scenarios: unknown[] }) => group.scenarios).find((scenario: { id: string }) => scenario.id === CATALOG)
    expect(catalog).toMatchObject({ gaveUp: 1, attempts: 3, active: false })
    expect(status.active).toBeNull()
  })
})

describe('drill export, import and reset', () => {
  it('moves progress through a file, and importing it twice adds nothing', async () => {
    const file = join(checkout.root, '..', 'progress-export.json')
    const exported = await drill('export', file)
    expect(exported.exitCode).toBe(0)
    expect(exported.stdout).toMatch(/Exported 3 attempts/)
    expect((await drill('export', file)).stderr).toMatch(/already exists; export does not overwrite files/)
    const before = readFileSync(statePath(), 'utf8')

    const reset = await drill('reset', '--all', '--yes')
    expect(reset.exitCode).toBe(0)
    expect(JSON.parse((await drill('status', '--json')).stdout)).toMatchObject({ solved: 0, score: 0 })

    expect((await drill('import', file)).stdout).toMatch(/Imported 3 new attempts/)
    expect((await drill('import', file)).stdout).toMatch(/Imported 0 new attempts .*already here/)
    expect(JSON.parse((await drill('status', '--json')).stdout)).toMatchObject({ solved: 1, score: 90 })
    const attempts = (text: string) =>
      (JSON.parse(text).scenarios[CATALOG].attempts as { startedAt: string }[]).sort((a, b) => a.startedAt.localeCompare(b.startedAt))
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

  it('reset asks before it forgets progress, and restores the shipped bug', async () => {
    checkout.git('apply', join('scenarios', CATALOG, 'fix.patch'))
    const refused = await drill('reset', CATALOG)
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toMatch(/Resetting forgets 3 recorded attempts \(1 solved\) of catalog-sold-out-stock, and there is no terminal to ask/)
    expect(readFileSync(pickDefined(), 'utf8')).not.toContain(BUGGY_LINE)
    const reset = await drill('reset', CATALOG, '--yes')
    expect(reset.exitCode).toBe(0)
    expect(reset.stdout).toMatch(/Reset catalog-sold-out-stock: the shipped bug is back and its progress is forgotten/)
    expect(readFileSync(pickDefined(), 'utf8')).toContain(BUGGY_LINE)
    expect(readdirSync(join(checkout.root, '.drill', 'backups')).length).toBeGreaterThanOrEqual(2)
  })
})

describe('a corrupt progress file', () => {
  it('gives a clear message and a way on, and is never emptied or overwritten', async () => {
    const corrupt = '{"format": 1, "scenarios": {"catalog-sold-out-stock": {"attempts": [{"startedAt": '
    writeFileSync(statePath(), corrupt)
    for (const command of [['status'], ['start', CATALOG, '--yes'], ['hint'], ['next'], ['export']]) {
      const run = await drill(...command)
      expect(run.exitCode, command.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/progress\.json is not valid JSON .* The file was left exactly as it is\. To start with fresh progress, move it aside \(`mv /)
      noStackTrace(run.stderr)
    }
    expect(readFileSync(statePath(), 'utf8')).toBe(corrupt)
    // A check still grades (it is not recorded) when it names its scenario.
    const check = await drill('check', CATALOG, '--runtime', 'embedded')
    expect(check.exitCode).toBe(1)
    expect(check.stderr).toMatch(/this check is not recorded\. Your progress file/)
    expect(readFileSync(statePath(), 'utf8')).toBe(corrupt)
    execFileSync('mv', [statePath(), `${statePath()}.bak`])
    expect((await drill('status')).exitCode).toBe(0)
  })
})
