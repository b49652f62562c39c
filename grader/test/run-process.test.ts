import { describe, expect, it } from 'vitest'
import { runProcess } from '../src/runtime/run-process.js'

describe('runProcess', () => {
  it('says a run that outlasted its time was stopped, and keeps what it printed before', async () => {
    const run = await runProcess(process.execPath, ['-e', "console.log('started'); setTimeout(() => {}, 30_000)"], {
      env: process.env,
      timeoutMs: 1_000,
      signal: new AbortController().signal
    })
    expect(run.timedOut).toBe(true)
    expect(run.stdout).toContain('started')
  })

  it('does not call a run that ended by itself timed out', async () => {
    const run = await runProcess(process.execPath, ['-e', 'process.exit(3)'], { env: process.env, timeoutMs: 10_000, signal: new AbortController().signal })
    expect(run).toMatchObject({ exitCode: 3 })
    expect(run.timedOut).toBeUndefined()
  })
})
