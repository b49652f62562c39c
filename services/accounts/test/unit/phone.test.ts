import { describe, expect, it } from 'vitest'
import { InvalidProfileError } from '../../src/domain/errors.js'
import { normalisePhone } from '../../src/domain/phone.js'

describe('normalisePhone', () => {
  it('keeps the digits of a number as typed, in E.164', () => {
    expect(normalisePhone(' +44 20 7946 0958 ')).toBe('+442079460958')
  })

  it('refuses numbers without a country code, too short or too long, and anything else', () => {
    for (const typed of ['020 7946 0958', '+0 20 7946 0958', '+44 12', '+12345678901234567', '+44 20 7946 095x', 'call me', '']) {
      expect(() => normalisePhone(typed), typed).toThrow(InvalidProfileError)
    }
  })

  it('reads a leading 00 as the international prefix', () => {
    expect(normalisePhone('0049 (151) 2345-6789')).toBe('+4915123456789')
  })
})
