import { describe, expect, it } from 'vitest'
import { BillingPeriod } from '../../src/domain/billing-period.js'
import { InvalidPeriodError } from '../../src/domain/errors.js'

describe('BillingPeriod', () => {
  it('parses a label and writes it back', () => {
    const period = BillingPeriod.parse('2026-03')
    expect([period.year, period.month, period.label, String(period)]).toEqual([2026, 3, '2026-03', '2026-03'])
  })

  it.each(['2026-3', '2026-00', '2026-13', '26-03', '2026-03-01', ''])('refuses "%s"', (label) => {
    expect(() => BillingPeriod.parse(label)).toThrow(InvalidPeriodError)
  })

  it('spans the calendar month, from its first instant to the next month’s', () => {
    const march = BillingPeriod.parse('2026-03')
    expect([march.start.toISOString(), march.end.toISOString()]).toEqual(['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'])
  })

  it('rolls over the year both ways', () => {
    expect(BillingPeriod.parse('2025-12').next().label).toBe('2026-01')
    expect(BillingPeriod.parse('2026-01').previous().label).toBe('2025-12')
    expect(BillingPeriod.parse('2025-12').end.toISOString()).toBe('2026-01-01T00:00:00.000Z')
  })

  it('knows the period an instant falls in', () => {
    expect(BillingPeriod.containing(new Date('2026-03-15T12:00:00Z')).label).toBe('2026-03')
    expect(BillingPeriod.containing(new Date('2026-02-28T23:59:59.999Z')).label).toBe('2026-02')
    expect(BillingPeriod.containing(new Date('2026-03-01T00:00:00Z')).label).toBe('2026-03')
    expect(BillingPeriod.containing(new Date('2024-02-29T08:00:00Z')).label).toBe('2024-02')
  })

  it('contains its start but not its end', () => {
    const march = BillingPeriod.parse('2026-03')
    expect(march.contains(march.start)).toBe(true)
    expect(march.contains(new Date(march.end.getTime() - 1))).toBe(true)
    expect(march.contains(march.end)).toBe(false)
  })

  it('has ended only once its last instant is over', () => {
    const march = BillingPeriod.parse('2026-03')
    expect(march.hasEnded(new Date('2026-03-31T23:59:59.999Z'))).toBe(false)
    expect(march.hasEnded(new Date('2026-04-01T00:00:00Z'))).toBe(true)
  })
})
