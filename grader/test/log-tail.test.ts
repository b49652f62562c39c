import { describe, expect, it } from 'vitest'
import { LogTail } from '../src/runtime/log-tail.js'

describe('LogTail', () => {
  it('keeps the last lines, joining lines split across chunks', () => {
    const tail = new LogTail(3)
    tail.push('one\ntw')
    tail.push('o\n\nthree\nfour\nfi')
    expect(tail.lines()).toEqual(['two', 'three', 'four', 'fi'])
  })

  it('cuts a very long line and says by how much, whether or not it ever ends', () => {
    const tail = new LogTail()
    tail.push('x'.repeat(5_000))
    expect(tail.lines()).toEqual([`${'x'.repeat(2_000)}… (3000 more characters)`])
    tail.push(`${'y'.repeat(10)}\nnext\n`)
    expect(tail.lines()).toEqual([`${'x'.repeat(2_000)}… (3010 more characters)`, 'next'])
  })

  it('reads 50 MB without a newline in linear time and keeps only a bounded amount', () => {
    const tail = new LogTail()
    const chunk = 'z'.repeat(64 * 1024)
    // 800 chunks of 64 KB: quadratic buffering (the old behaviour) took tens of seconds here.
    for (let index = 0; index < 800; index++) tail.push(chunk)
    const [line] = tail.lines()
    expect(line?.length).toBeLessThan(2_100)
    expect(line).toContain(`(${800 * 64 * 1024 - 2_000} more characters)`)
  })
})
