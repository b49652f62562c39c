import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../src/domain/backoff.js'
import { decodeCursor, encodeCursor, takePage } from '../../src/domain/cursor.js'
import { InvalidCursorError } from '../../src/domain/errors.js'

describe('cursors', () => {
  it('round-trip their key', () => {
    const key = ['2026-05-01T09:30:00.000Z', '0b7e1a52-8f3c-4d6e-b1a9-2c4d6e8f0a1b']
    expect(decodeCursor(encodeCursor(key), 2)).toEqual(key)
  })

  it('refuse anything this service did not hand out', () => {
    expect(() => decodeCursor('not base64 json', 2)).toThrow(InvalidCursorError)
    expect(() => decodeCursor(encodeCursor(['only one part']), 2)).toThrow(InvalidCursorError)
    expect(() => decodeCursor(Buffer.from('[1, 2]').toString('base64url'), 2)).toThrow(InvalidCursorError)
  })
})

describe('takePage', () => {
  it('keeps `limit` rows and says whether more follow', () => {
    expect(takePage([1, 2, 3], 2)).toEqual({ rows: [1, 2], last: 2, hasMore: true })
    expect(takePage([1, 2], 2)).toEqual({ rows: [1, 2], last: 2, hasMore: false })
    expect(takePage([], 2)).toEqual({ rows: [], last: undefined, hasMore: false })
  })
})

describe('backoffDelay', () => {
  const policy = { baseMs: 100, maxMs: 1_000 }

  it('doubles with every attempt up to the cap', () => {
    const ceiling = (attempt: number) => backoffDelay(policy, attempt, () => 1)
    expect([1, 2, 3, 4, 5, 6].map(ceiling)).toEqual([100, 200, 400, 800, 1_000, 1_000])
  })

  it('spreads retries anywhere below the ceiling', () => {
    expect(backoffDelay(policy, 3, () => 0)).toBe(0)
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(200)
  })
})
