import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { selectRuntime } from '@debug-drills/grader'
import { dockerAvailable, runDrill, tempCheckout } from '@debug-drills/test-support'
import { startTestServer, tempStateDir } from './support/workshop.js'

const SCENARIO = 'tutorial'
const OTHER = 'accounts-duplicate-signup'
const CHROMIUM = process.env.DRILL_CHROMIUM ?? '/usr/bin/chromium'
const docker = await dockerAvailable()

describe.skipIf(!docker)('a workshop end to end: facilitator page, two trainees on the CLI, the board in Chromium', () => {
  it('runs a workshop: the board updates live when a submission passes, and the export matches the submissions', async () => {
    expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (Debian: apt-get install chromium; or set DRILL_CHROMIUM)`).toBe(true)
    using state = tempStateDir()
    using ada = tempCheckout()
    using bob = tempCheckout()
    const server = await startTestServer({ stateDir: state.path, workers: 1, runtime: await selectRuntime('docker') })
    let browser: Browser | undefined
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] })

      // The facilitator creates and starts the workshop from the page.
      const facilitator = await browser.newPage()
      facilitator.on('dialog', (dialog) => void dialog.accept())
      await facilitator.goto(`${server.url}/facilitator#token=${server.facilitatorToken}`)
      await facilitator.locator('#create').waitFor()
      expect(facilitator.url()).not.toContain('token=')
      await facilitator.fill('input[name=title]', 'Friday drills')
      await facilitator.locator('input[name=scenarios]').first().waitFor()
      for (const box of await facilitator.locator('input[name=scenarios]').all()) {
        const wanted = [SCENARIO, OTHER].includes((await box.getAttribute('value')) ?? '')
        if ((await box.isChecked()) !== wanted) await box.click()
      }
      await facilitator.fill('input[name=durationMinutes]', '45')
      await facilitator.fill('input[name=freezeMinutes]', '0')
      await facilitator.click('#create button[type=submit]')
      const card = facilitator.locator('[data-testid=workshop]').first()
      await card.waitFor()
      const workshopId = (await card.getAttribute('data-id'))!
      const code = (await card.locator('[data-testid=join-code]').textContent())!.trim()
      await card.locator('[data-action=start]').click()
      await facilitator.locator('[data-testid=workshop][data-phase=running]').waitFor()

      // The board, on a phone-sized screen, stays open for the whole workshop.
      const board = await browser.newPage({ viewport: { width: 390, height: 844 } })
      await board.goto(`${server.url}/board/${workshopId}`)
      await board.locator('[data-testid=phase]', { hasText: 'running' }).waitFor()
      await board.evaluate(() => ((globalThis as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true))

      for (const [trainee, name] of [
        [ada, 'ada'],
        [bob, 'bob']
      ] as const) {
        const joined = await runDrill(['join', server.url, code, '--name', name], { cwd: trainee.root })
        expect(joined.exitCode, joined.stderr).toBe(0)
        const started = await runDrill(['start', SCENARIO, '--yes'], { cwd: trainee.root })
        expect(started.exitCode, started.stderr).toBe(0)
      }
      await board.locator('[data-testid=entry]').nth(1).waitFor()

      // Bob takes a hint from the server and submits an edit that fixes nothing.
      const hint = await runDrill(['hint'], { cwd: bob.root })
      expect(hint.stdout).toMatch(/Hint 1 of 3.*on the board/)
      const routeFile = join(bob.root, 'services', 'greetings', 'src', 'app.ts')
      writeFileSync(routeFile, `${readFileSync(routeFile, 'utf8')}\n// looked here\n`)
      const failed = await runDrill(['submit'], { cwd: bob.root })
      expect(failed.exitCode, failed.stdout + failed.stderr).toBe(1)
      expect(failed.stdout).toMatch(/FAIL tutorial/)
      expect(failed.stdout).toMatch(/drill check tutorial --seed \d+/)

      // Ada submits the fix; the board shows her solve without a reload.
      ada.git('apply', join('scenarios', SCENARIO, 'fix.patch'))
      const passed = await runDrill(['submit'], { cwd: ada.root })
      expect(passed.exitCode, passed.stdout + passed.stderr).toBe(0)
      expect(passed.stdout).toMatch(/PASS tutorial/)
      const adaRow = board.locator('[data-testid=entry][data-name=ada]')
      await adaRow.and(board.locator('[data-points="100"]')).waitFor({ timeout: 15_000 })
      expect(await board.evaluate(() => (globalThis as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true)
      expect(await adaRow.locator('.rank').textContent()).toBe('1')
      await board.locator('#scenarios', { hasText: 'first: ada' }).waitFor()
      await board.locator('#chart[data-series="2"]').waitFor()
      // Readable on a phone: nothing wider than the screen.
      const fits = await board.evaluate(() => {
        const page = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } }
        return page.document.documentElement.scrollWidth <= page.innerWidth
      })
      expect(fits).toBe(true)

      // The facilitator ends it from the page; the board says so.
      await facilitator.reload()
      await facilitator.locator('[data-testid=workshop] [data-action=end]').click()
      await facilitator.locator('[data-testid=workshop][data-phase=ended]').waitFor()
      await board.locator('[data-testid=phase]', { hasText: 'ended' }).waitFor()

      // The export lists exactly the two submissions, with the server's verdicts and points.
      const exported = await server.api<{ submissions: { participant: string; scenario: string; status: string; points: number; attempts: number }[]; hints: { participant: string }[] }>(
        'GET',
        `/api/workshops/${workshopId}/export.json`,
        { token: server.facilitatorToken }
      )
      expect(exported.body.submissions.map((row) => [row.participant, row.scenario, row.status, row.points, row.attempts])).toEqual([
        ['bob', SCENARIO, 'failed', 0, 1],
        ['ada', SCENARIO, 'passed', 100, 1]
      ])
      expect(exported.body.hints.map((row) => row.participant)).toEqual(['bob'])
      const csv = await fetch(`${server.url}/api/workshops/${workshopId}/export.csv`, { headers: { authorization: `Bearer ${server.facilitatorToken}` } })
      const rows = (await csv.text()).trim().split('\n').slice(1)
      expect(rows.map((row) => row.split(',').slice(1, 8).join(','))).toEqual([
        expect.stringMatching(/^bob,,tutorial,[^,]+,\d+,failed,0$/),
        expect.stringMatching(/^ada,,tutorial,[^,]+,\d+,passed,100$/)
      ])
    } finally {
      await browser?.close()
      await server.stop()
    }
  })
})
