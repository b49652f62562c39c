import { describe, expect, it } from 'vitest'
import { runDrill } from '@debug-drills/test-support'

// `drill serve` and `drill worker` are declared by the grader's CLI and run by this package (grader/src/cli/plugins.ts).
describe('drill worker and drill serve, through the grader\'s CLI', () => {
  it('says in one line why a worker cannot reach the workshop database, without the driver\'s call report, and warns when it runs as root', async () => {
    const run = await runDrill(['worker', '--database-url', 'postgresql://drill:drill@127.0.0.1:1/workshop', '--runtime', 'embedded'])
    expect(run.exitCode).not.toBe(0)
    expect(run.stderr).toMatch(/Cannot reach the workshop database \(Can't reach database server at 127\.0\.0\.1:1\)\. Use the URL `drill serve` printed/)
    expect(run.stderr).not.toMatch(/Invalid `prisma|\n\s+at /)
    // Run as root (as CI does), it says so first.
    expect(/this grader runs as root, and so do the builds and services of trainees' submissions\. Where you can, run it as an ordinary user\./.test(run.stderr)).toBe(process.getuid?.() === 0)
  })

  it('lists serve and worker with their options in --help', async () => {
    const all = await runDrill(['--help'])
    expect(all.stdout).toMatch(/^\s+serve\s+Run a workshop server/m)
    expect(all.stdout).toMatch(/^\s+worker\s+Grade a workshop's submissions/m)
    const serve = await runDrill(['serve', '--help'])
    expect(serve.exitCode).toBe(0)
    expect(serve.stdout).toMatch(/--submissions-per-minute <count>/)
    const worker = await runDrill(['worker', '--help'])
    expect(worker.exitCode).toBe(0)
    expect(worker.stdout).toMatch(/--concurrency <count>/)
  })
})
