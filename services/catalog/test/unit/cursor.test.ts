import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, toPage } from '../../src/domain/cursor.js'
import { InvalidCursorError } from '../../src/domain/errors.js'

describe('cursors', () => {
  it('round-trips an id through an opaque token', () => {
    const cursor = encodeCursor(4812)
    expect(cursor).not.toContain('4812')
    expect(decodeCursor(cursor)).toBe(4812)
  })

  it('refuses tokens it did not make', () => {
    for (const token of ['4812', 'not-base64!', Buffer.from('{"id":-1}').toString('base64url'), Buffer.from('{"page":2}').toString('base64url')]) {
      expect(() => decodeCursor(token), token).toThrow(InvalidCursorError)
    }
  })
})

describe('toPage', () => {
  const rows = [{ id: 9 }, { id: 8 }, { id: 5 }]

  it('announces the next page when the extra row came back', () => {
    const page = toPage(rows, 2)
    expect(page.items).toEqual([{ id: 9 }, { id: 8 }])
    expect(page.next && decodeCursor(page.next)).toBe(8)
  })

  it('ends when fewer rows than the limit plus one came back', () => {
    expect(toPage(rows, 3)).toEqual({ items: rows, next: null })
  })
})
