import { describe, expect, it } from 'vitest'
import { DayRange } from '../../src/domain/day-range.js'
import { InvalidDayRangeError } from '../../src/domain/errors.js'

describe('DayRange', () => {
  it('reads both days as midnights in UTC and counts them both', () => {
    const march = DayRange.parse('2025-03-01', '2025-03-31')
    expect([march.from.toISOString(), march.to.toISOString(), march.days, String(march)]).toEqual([
      '2025-03-01T00:00:00.000Z',
      '2025-03-31T00:00:00.000Z',
      31,
      '2025-03-01 to 2025-03-31'
    ])
    expect(DayRange.parse('2024-02-29', '2024-02-29').days).toBe(1)
    expect(DayRange.parse('2024-01-01', '2024-12-31').days).toBe(366)
  })

  it('ends at the midnight after its last day', () => {
    expect(DayRange.parse('2024-12-01', '2024-12-31').end.toISOString()).toBe('2025-01-01T00:00:00.000Z')
    expect(DayRange.parse('2024-02-10', '2024-02-28').end.toISOString()).toBe('2024-02-29T00:00:00.000Z')
  })

  it('includes every instant of its days and none outside them', () => {
    const range = DayRange.parse('2025-06-10', '2025-06-12')
    expect(['2025-06-10T00:00:00.000Z', '2025-06-11T13:30:00.000Z'].map((instant) => range.includes(new Date(instant)))).toEqual([true, true])
    expect(['2025-06-09T23:59:59.999Z', '2025-06-13T00:00:00.000Z'].map((instant) => range.includes(new Date(instant)))).toEqual([false, false])
  })

  it.each([
    ['2025-3-01', '2025-03-31'],
    ['2025-02-29', '2025-03-31'],
    ['2025-04-31', '2025-05-01'],
    ['2025-13-01', '2026-01-01'],
    ['2025-03-31', '2025-03-01'],
    ['2024-01-01', '2025-01-01']
  ])('refuses %s to %s', (from, to) => {
    expect(() => DayRange.parse(from, to)).toThrow(InvalidDayRangeError)
  })
})
