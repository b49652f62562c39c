import { writeFileSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectNoGradingProcesses, runDrill } from '@debug-drills/test-support'
import { plantedCheckout } from './support/planted-checkout.js'

describe('drill list', () => {
  it('prints every scenario, and JSON on request, without the bug class of drills not solved or given up', async () => {
    const env = { DRILL_STATE_FILE: join(tmpdir(), `no-progress-${process.pid}.json`) }
    const text = await runDrill(['list'], { env })
    expect(text.exitCode).toBe(0)
    expect(text.stdout).toMatch(/accounts-duplicate-signup .*medium · \d+ min$/m)
    expect(text.stdout).not.toMatch(/missing-await|type-coercion|stale-state|environment-mismatch/)
    const json = JSON.parse((await runDrill(['list', '--json'], { env })).stdout) as { id: string; bugClass?: string }[]
    expect(json.map((scenario) => scenario.id)).toContain('tutorial')
    expect(json.filter((scenario) => scenario.bugClass)).toEqual([])
  })
})

describe('tracks', () => {
  it('drill list --track lists one track in order, --tracks names them, and an unknown track is a usage error', async () => {
    const env = { DRILL_STATE_FILE: join(tmpdir(), `tracks-${process.pid}.json`) }
    const tracks = JSON.parse((await runDrill(['list', '--tracks', '--json'], { env })).stdout) as { id: string; scenarios: string[] }[]
    const onboarding = tracks.find((track) => track.id === 'onboarding-week')
    expect(onboarding?.scenarios.length).toBeGreaterThanOrEqual(3)
    const listed = await runDrill(['list', '--track', 'onboarding-week'], { env })
    const order = [...listed.stdout.matchAll(/^ *\d+\. (\S+)/gm)].map((match) => match[1])
    expect(order).toEqual(onboarding?.scenarios)
    const unknown = await runDrill(['list', '--track', 'onboarding'], { env })
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/There is no track "onboarding"\. The tracks are: onboarding-week,/)
  })

  it('drill next --track follows the track, remembers it, and --track all leaves it', async () => {
    const env = { DRILL_STATE_FILE: join(tmpdir(), `next-track-${process.pid}.json`) }
    await rm(env.DRILL_STATE_FILE, { force: true })
    const tracks = JSON.parse((await runDrill(['list', '--tracks', '--json'], { env })).stdout) as { id: string; scenarios: string[] }[]
    const incidents = tracks.find((track) => track.id === 'production-incidents')!
    const first = JSON.parse((await runDrill(['next', '--track', 'production-incidents', '--json'], { env })).stdout) as { track: string; suggestion: { scenario: string; reason: string } }
    expect(first).toMatchObject({ track: 'production-incidents', suggestion: { scenario: incidents.scenarios[0] } })
    expect(first.suggestion.reason).toMatch(/drill 1 of \d+ in the track "Production incidents"/)
    // Remembered: a plain `drill next` stays in the track; without it, the tutorial comes first.
    expect(JSON.parse((await runDrill(['next', '--json'], { env })).stdout)).toMatchObject({ track: 'production-incidents', suggestion: { scenario: incidents.scenarios[0] } })
    expect(JSON.parse((await runDrill(['next', '--track', 'all', '--json'], { env })).stdout)).toMatchObject({ track: null, suggestion: { scenario: 'tutorial' } })
    await rm(env.DRILL_STATE_FILE, { force: true })
  })
})

describe('bad input', () => {
  it('names the known scenarios for an unknown one, with exit code 2 and no stack trace', async () => {
    const run = await runDrill(['check', 'accounts-duplicat-signup'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/There is no scenario "accounts-duplicat-signup"\. Known scenarios: accounts-duplicate-signup,/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('asks for a scenario when none is given and no drill is active', async () => {
    const run = await runDrill(['check'], { env: { DRILL_STATE_FILE: join(tmpdir(), `no-progress-${process.pid}.json`) } })
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/No drill is active, so `drill check` does not know what to work on\. .* or name the scenario to check: `drill check <scenario>`\./)
  })

  it('has --help for every command', async () => {
    for (const command of ['list', 'start', 'run', 'repro', 'hint', 'check', 'watch', 'status', 'next', 'giveup', 'reset', 'export', 'import', 'validate', 'bundle', 'stop', 'new']) {
      const run = await runDrill([command, '--help'])
      expect(run.exitCode, command).toBe(0)
      expect(run.stdout, command).toMatch(new RegExp(`Usage:\\n {2}\\$ drill ${command}`))
    }
  })

  it('rejects an unknown runtime, seed or command clearly', async () => {
    expect((await runDrill(['check', 'catalog-sold-out-stock', '--runtime', 'podman'])).stderr).toMatch(/--runtime must be docker, embedded or auto/)
    expect((await runDrill(['check', 'catalog-sold-out-stock', '--seed', 'abc'])).stderr).toMatch(/--seed must be a whole number/)
    expect((await runDrill(['check', 'catalog-sold-out-stock', '--timeout', 'soon'])).stderr).toMatch(/--timeout is in seconds/)
    const unknown = await runDrill(['frobnicate'])
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/)
  })

  it('explains where to run it when started outside a checkout', async () => {
    const run = await runDrill(['list'], { cwd: tmpdir() })
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/No Debug Drills checkout/)
  })
})

describe('drill check', () => {
  it('refuses to grade a drill that was not started here, and grades it as shipped on request', async () => {
    const unstarted = await runDrill(['check', 'tutorial', '--runtime', 'embedded'])
    expect(unstarted.exitCode).toBe(2)
    expect(unstarted.stderr).toMatch(/tutorial is not started in this checkout, so there is no fix of yours to grade: `drill start tutorial` plants its bug/)
    const shipped = await runDrill(['check', 'tutorial', '--shipped', '--runtime', 'embedded'])
    expect(shipped.exitCode).toBe(1)
    expect(shipped.stdout).toMatch(/as shipped, not your working copy/)
    expect(shipped.stdout).toMatch(/To fix it yourself: drill start tutorial/)
  })

  it('exits 1 on the planted bug and writes results.json v3', async () => {
    using checkout = plantedCheckout('tutorial')
    const path = join(tmpdir(), `results-${process.pid}.json`)
    writeFileSync(path, '')
    const run = await runDrill(['check', '--runtime', 'embedded', '--json', path, '--seed', '77'], { cwd: checkout.root })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/Seed 77 · same data again: drill check tutorial --seed 77 --runtime embedded/)
    expect(run.stdout).not.toMatch(/NODE_ENV/)
    expect(run.stdout).toMatch(/FAIL .* behaviours still break/)
    const results = JSON.parse(await readFile(path, 'utf8'))
    await rm(path)
    expect(results).toMatchObject({ version: 3, status: 'fail', drill: { scenario: 'tutorial', runtime: 'embedded', seed: 77, reproduce: 'drill check tutorial --seed 77 --runtime embedded' } })
    expect(results.tests.find((test: { status: string }) => test.status === 'fail')).toMatchObject({ set: 'regression', message: expect.any(String) })
  })

  for (const step of ['Starting the service', 'Running the hidden tests']) {
    it(`stops everything it started on Ctrl-C during "${step}" and exits 130`, async () => {
      const run = await runDrill(['check', 'tutorial', '--shipped', '--runtime', 'embedded'], { interrupt: new RegExp(step) })
      expect(run.exitCode).toBe(130)
      expect(run.stderr).toMatch(/Cancelled; everything this run started has been stopped/)
      await expectNoGradingProcesses()
    })
  }
})
