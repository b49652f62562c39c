import { describe, expect, it } from 'vitest'
import { backoffDelay, sleep } from '../../src/lib/backoff.js'

describe('backoffDelay', () => {
  it('doubles from the base up to the cap', () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, { baseMs: 100, maxMs: 1_000, jitter: 0 }))
    expect(delays).toEqual([100, 200, 400, 800, 1_000])
  })

  it('takes up to the jitter share off each delay', () => {
    expect(backoffDelay(1, { baseMs: 1_000, maxMs: 10_000, jitter: 0.5, random: () => 0 })).toBe(500)
    expect(backoffDelay(1, { baseMs: 1_000, maxMs: 10_000, jitter: 0.5, random: () => 1 })).toBe(1_000)
  })
})

describe('sleep', () => {
  it('stops early when aborted', async () => {
    const controller = new AbortController()
    const sleeping = sleep(60_000, controller.signal)
    controller.abort(new Error('shutting down'))
    await expect(sleeping).rejects.toThrow('shutting down')
  })
})
