import { expect, it } from 'vitest'
import { createKeyedLock } from '../../src/lib/keyed-lock.js'

const tick = () => new Promise((resolve) => setImmediate(resolve))

it('runs the work of one key one at a time, in order of arrival', async () => {
  const lock = createKeyedLock()
  const log: string[] = []
  const work = (name: string) => async () => {
    log.push(`${name} start`)
    await tick()
    log.push(`${name} end`)
    return name
  }
  const results = await Promise.all([lock.run('a', work('first')), lock.run('a', work('second')), lock.run('a', work('third'))])
  expect(results).toEqual(['first', 'second', 'third'])
  expect(log).toEqual(['first start', 'first end', 'second start', 'second end', 'third start', 'third end'])
  expect(lock.size).toBe(0)
})

it('runs the work of different keys side by side', async () => {
  const lock = createKeyedLock()
  const log: string[] = []
  const work = (name: string) => async () => {
    log.push(`${name} start`)
    await tick()
    log.push(`${name} end`)
  }
  await Promise.all([lock.run('a', work('a')), lock.run('b', work('b'))])
  expect(log.slice(0, 2)).toEqual(['a start', 'b start'])
  expect(lock.size).toBe(0)
})
