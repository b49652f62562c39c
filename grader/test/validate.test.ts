import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoGradingProcesses, runDrill, tempCheckout, type TempCheckout } from '@debug-drills/test-support'

let checkout: TempCheckout
const scenario = () => join(checkout.root, 'scenarios', 'tutorial')

beforeAll(() => {
  checkout = tempCheckout()
})
afterAll(() => checkout[Symbol.dispose]())

/** A repository-root diff of an edit to the planted service, made in the checkout and undone. */
function diffOf(file: string, from: string, to: string): string {
  checkout.git('apply', join('scenarios', 'tutorial', 'bug.patch'))
  checkout.git('add', '-A', '--', 'services')
  const path = join(checkout.root, file)
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to))
  const diff = checkout.git('diff')
  checkout.git('reset', '-q', '--hard')
  return diff
}

describe('drill validate', () => {
  it('holds for the tutorial: the bug fails, the fixes pass, the hacks fail, the service suite passes with the bug', async () => {
    const run = await runDrill(['validate', 'tutorial', '--runtime', 'embedded', '--jobs', '2'], { cwd: checkout.root })
    expect(run.exitCode, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toMatch(/✓ round 1 hack tests-accept-formal: fail/)
    expect(run.stdout).toMatch(/✓ tutorial: fails on the shipped bug; the reference fix and \d+ alternatives pass; \d+ hacks fail \(1 round\)/)
    await expectNoGradingProcesses()
  }, 300_000)

  it('gives the same verdicts when every version is checked on a warm start, as drill watch checks', async () => {
    const run = await runDrill(['validate', 'tutorial', '--runtime', 'embedded', '--jobs', '2', '--skip-service-suite', '--warm'], { cwd: checkout.root })
    expect(run.exitCode, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toMatch(/· embedded runtime · warm starts/)
    expect(run.stdout).toMatch(/✓ round 1 shipped: fail/)
    expect(run.stdout).toMatch(/✓ round 1 hack tests-accept-formal: fail/)
    expect(run.stdout).toMatch(/✓ tutorial: fails on the shipped bug; the reference fix and \d+ alternatives pass; \d+ hacks fail \(1 round, every check on a warm start\)/)
    await expectNoGradingProcesses()
  }, 300_000)

  it('says what does not hold: a hack that passes, a patch that no longer applies, a bug the service suite catches', async () => {
    // A "hack" that is in fact the reference fix: it passes, so it proves nothing.
    writeFileSync(join(scenario(), 'hacks', 'really-a-fix.patch'), `family: hard-coded\nThe same as the fix.\n\n${readFileSync(join(scenario(), 'fix.patch'), 'utf8')}`)
    // An alternative written against code that is no longer there.
    writeFileSync(
      join(scenario(), 'alternatives', 'stale.patch'),
      `Written for older code.\n\n${diffOf('services/greetings/src/domain/render-greeting.ts', "replaceAll('{name}', name)", "split('{name}').join(name)").replace("replaceAll('{name}', name)", "replaceAll('{person}', name)")}`
    )
    // The reference fix written with git diff -R: it applies, but a/ and b/ are swapped.
    const swapped = readFileSync(join(scenario(), 'fix.patch'), 'utf8')
      .replace(/^diff --git a\/(\S+) b\/(\S+)$/gm, 'diff --git b/$1 a/$2')
      .replace(/^--- a\//gm, '--- b/')
      .replace(/^\+\+\+ b\//gm, '+++ a/')
    writeFileSync(join(scenario(), 'alternatives', 'reversed.patch'), `The fix, from git diff -R.\n\n${swapped}`)
    const run = await runDrill(['validate', 'tutorial', '--runtime', 'embedded', '--jobs', '2', '--skip-service-suite'], { cwd: checkout.root })
    expect(run.exitCode, run.stderr).toBe(1)
    expect(run.stdout).toMatch(/alternatives\/reversed\.patch names its old side b\/ and its new side a\/ \(made with git diff -R\)/)
    expect(run.stdout).toMatch(/hack really-a-fix passed every hidden test/)
    expect(run.stdout).toMatch(/stale\.patch does not apply/)
    expect(run.stdout).toMatch(/1 of 1 scenario\(s\) do not hold/)
    // The versions that did not hold are repeated at the end, each with its seed, for a log read from its tail.
    const tail = run.stdout.slice(run.stdout.indexOf('What did not hold'))
    const replay = /✗ tutorial: round 1 hack really-a-fix \(replay: (drill validate tutorial --only really-a-fix --seed (\d+) --runtime embedded)\): .*passed every hidden test/.exec(tail)
    expect(replay, tail).not.toBeNull()
    expect(tail).toMatch(/\n.*1 of 1 scenario\(s\) do not hold/)
    // The replay grades that version alone, with the same seed, and fails the same way.
    const [, command, seed] = replay!
    const replayed = await runDrill(command!.split(' ').slice(1), { cwd: checkout.root })
    expect(replayed.exitCode, replayed.stderr).toBe(1)
    expect(replayed.stdout.match(/^ +[✓✗] round 1 .*$/gm)).toEqual([expect.stringMatching(/round 1 hack really-a-fix: /)])
    expect(replayed.stdout).toMatch(new RegExp(`round 1 hack really-a-fix: pass in \\d+ ms, seed ${seed}\\b`))
    const unknown = await runDrill(['validate', 'tutorial', '--only', 'no-such-fix'], { cwd: checkout.root })
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/tutorial has no version named "no-such-fix"\. Its versions: shipped, reference-fix, .*really-a-fix/)
    expect(unknown.stdout, 'nothing is started or announced before the name is refused').toBe('')
    const byName = await runDrill(['validate', '--all', '--only', 'really-a-fix'], { cwd: checkout.root })
    expect(byName.exitCode).toBe(2)
    expect(byName.stderr).toMatch(/With --all, --only takes what every scenario has: shipped, reference-fix, alternatives, hacks\./)
    // A group name grades that whole group and nothing else (CI grades the alternatives on both runtimes).
    const alternatives = readdirSync(join(scenario(), 'alternatives')).map((file) => file.replace(/\.patch$/, ''))
    const group = await runDrill(['validate', 'tutorial', '--only', 'alternatives', '--runtime', 'embedded', '--jobs', '2', '--skip-service-suite'], { cwd: checkout.root })
    const graded = [...group.stdout.matchAll(/^ +[✓✗] round 1 alternative ([\w-]+)/gm)].map((match) => match[1])
    expect(graded, group.stdout).toEqual(expect.arrayContaining(alternatives.filter((name) => name !== 'reversed' && name !== 'stale')))
    expect(alternatives, group.stdout).toEqual(expect.arrayContaining(graded))
    expect(group.stdout).not.toMatch(/round 1 (hack|shipped|reference-fix)/)

    // A bug that breaks what the service's own tests check: CI would have caught it.
    checkout.git('checkout', '--', 'scenarios')
    checkout.git('clean', '-fdq', 'scenarios')
    checkout.git('apply', join('scenarios', 'tutorial', 'bug.patch'))
    const render = join(checkout.root, 'services', 'greetings', 'src', 'domain', 'render-greeting.ts')
    writeFileSync(render, readFileSync(render, 'utf8').replace("replaceAll('{name}', name)", "replace('{name}', name.toUpperCase())"))
    writeFileSync(join(scenario(), 'bug.patch'), checkout.git('diff', '--', 'services'))
    checkout.git('checkout', '--', 'services')
    const caught = await runDrill(['validate', 'tutorial', '--runtime', 'embedded', '--jobs', '2'], { cwd: checkout.root })
    expect(caught.exitCode, caught.stderr).toBe(1)
    expect(caught.stdout).toMatch(/the service's own test suite fails with the bug planted/)
    await expectNoGradingProcesses()
  }, 400_000)
})
