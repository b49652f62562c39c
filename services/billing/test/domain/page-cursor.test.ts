import { describe, expect, it } from 'vitest'
import { InvalidCursorError } from '../../src/domain/errors.js'
import { decodeCursor, encodeCursor, toPage } from '../../src/domain/page-cursor.js'

const isIdPosition = (value: Record<string, unknown>): value is { id: number } => Number.isInteger(value.id)

describe('page cursors', () => {
  it('round-trip a position', () => {
    expect(decodeCursor(encodeCursor({ id: 42 }), isIdPosition)).toEqual({ id: 42 })
  })

  it.each(['', 'not base64 at all!', Buffer.from('[1]').toString('base64url'), encodeCursor({ period: '2026-03' })])('refuse %j', (cursor) => {
    expect(() => decodeCursor(cursor, isIdPosition)).toThrow(InvalidCursorError)
  })

  it('point after the last item shown when another page follows', () => {
    const rows = [{ id: 9 }, { id: 8 }, { id: 7 }]
    const page = toPage(rows, 2, (row) => row.id, (row) => ({ id: row.id }))
    expect(page.items).toEqual([9, 8])
    expect(page.nextCursor && decodeCursor(page.nextCursor, isIdPosition)).toEqual({ id: 8 })
    expect(toPage(rows, 3, (row) => row.id, (row) => ({ id: row.id })).nextCursor).toBeNull()
  })
})
