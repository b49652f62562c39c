import { expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from '../../src/domain/page-cursor.js'
import { monthOf, parseMonth } from '../../src/domain/statement-month.js'

it('reads a month as the UTC instants it spans', () => {
  expect(parseMonth('2026-02')).toEqual({ label: '2026-02', start: new Date('2026-02-01T00:00:00Z'), end: new Date('2026-03-01T00:00:00Z') })
  expect(parseMonth('2025-12').end).toEqual(new Date('2026-01-01T00:00:00Z'))
  expect(monthOf(new Date('2026-03-31T23:59:59.999Z'))).toBe('2026-03')
})

it('refuses what is not a month', () => {
  for (const label of ['2026-13', '2026-00', '2026-1', '26-01', 'March', '']) expect(() => parseMonth(label)).toThrow(/not a month/)
})

it('round-trips a cursor and refuses a made-up one', () => {
  expect(decodeCursor(encodeCursor(42n))).toBe(42n)
  expect(() => decodeCursor('bGVkZ2VyOng')).toThrow(/cursor/)
})
