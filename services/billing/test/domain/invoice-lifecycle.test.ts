import { describe, expect, it } from 'vitest'
import { canTransition, dueDate, isOverdue } from '../../src/domain/invoice-lifecycle.js'

describe('the invoice lifecycle', () => {
  it('pays or voids only open invoices', () => {
    expect(canTransition('open', 'paid')).toBe(true)
    expect(canTransition('open', 'voided')).toBe(true)
    expect(canTransition('paid', 'voided')).toBe(false)
    expect(canTransition('void', 'paid')).toBe(false)
  })

  it('is due the payment terms after issue', () => {
    expect(dueDate(new Date('2026-01-02T09:00:00Z'), 30).toISOString()).toBe('2026-02-01T09:00:00.000Z')
    expect(dueDate(new Date('2026-01-02T09:00:00Z'), 0).toISOString()).toBe('2026-01-02T09:00:00.000Z')
  })

  it('is overdue only while open past its due date', () => {
    const dueAt = new Date('2026-02-01T09:00:00Z')
    const later = new Date('2026-02-02T00:00:00Z')
    expect(isOverdue('open', dueAt, later)).toBe(true)
    expect(isOverdue('open', dueAt, new Date('2026-01-20T00:00:00Z'))).toBe(false)
    expect(isOverdue('paid', dueAt, later)).toBe(false)
    expect(isOverdue('void', dueAt, later)).toBe(false)
  })
})
