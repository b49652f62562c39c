import { afterEach, describe, expect, it } from 'vitest'
import { createIntervalJob, type IntervalJob } from '../../src/jobs/interval-job.js'
import { silentLog } from '../helper.js'
import { eventually } from '../webhook-receiver.js'

let job: IntervalJob | undefined
afterEach(async () => {
  await job?.stop()
})

describe('interval job', () => {
  it('runs again and again until stopped, never two runs at once', async () => {
    let running = 0
    let overlapped = false
    let runs = 0
    job = createIntervalJob({
      name: 'test',
      intervalMs: 5,
      log: silentLog,
      run: async () => {
        overlapped ||= running > 0
        running++
        await new Promise((resolve) => setTimeout(resolve, 15))
        running--
        runs++
      }
    })
    job.start()
    await eventually(() => runs >= 3)
    await job.stop()
    const stoppedAt = runs
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(runs).toBe(stoppedAt)
    expect(overlapped).toBe(false)
  })

  it('keeps going after a failed run', async () => {
    let runs = 0
    job = createIntervalJob({
      name: 'test',
      intervalMs: 5,
      log: silentLog,
      run: async () => {
        runs++
        throw new Error('database went away')
      }
    })
    job.start()
    await eventually(() => runs >= 2)
  })

  it('aborts the run in progress when stopped, and waits for it', async () => {
    let aborted = false
    let ended = false
    let started = false
    job = createIntervalJob({
      name: 'test',
      intervalMs: 1,
      log: silentLog,
      run: (signal) =>
        new Promise<void>((resolve) => {
          started = true
          signal.addEventListener('abort', () => {
            aborted = true
            setTimeout(() => {
              ended = true
              resolve()
            }, 10)
          })
        })
    })
    job.start()
    await eventually(() => started)
    await job.stop()
    expect([aborted, ended]).toEqual([true, true])
  })
})
