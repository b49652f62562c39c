import { describe, expect, it } from 'vitest'
import { priceOf, smsSegments } from '../../src/domain/pricing.js'
import { csvRecord } from '../../src/lib/csv.js'

describe('smsSegments', () => {
  it('fits 160 GSM characters in one segment and 153 per segment beyond', () => {
    expect(smsSegments('a'.repeat(160))).toBe(1)
    expect(smsSegments('a'.repeat(161))).toBe(2)
    expect(smsSegments('a'.repeat(306))).toBe(2)
    expect(smsSegments('a'.repeat(307))).toBe(3)
  })

  it('fits 70 characters of other alphabets, 67 per segment beyond', () => {
    expect(smsSegments('ł'.repeat(70))).toBe(1)
    expect(smsSegments('ł'.repeat(71))).toBe(2)
    expect(smsSegments('😀'.repeat(70))).toBe(1)
  })

  it('counts the euro sign and other GSM extension characters twice', () => {
    expect(smsSegments('€'.repeat(80))).toBe(1)
    expect(smsSegments(`${'€'.repeat(80)}a`)).toBe(2)
  })
})

describe('priceOf', () => {
  const prices = { smsSegmentCents: 7, emailCents: 1 }
  it('prices SMS by segment and e-mail by message', () => {
    expect(priceOf('sms', 'a'.repeat(400), prices)).toEqual({ units: 3, unitPriceCents: 7, costCents: 21 })
    expect(priceOf('email', 'a'.repeat(400), prices)).toEqual({ units: 1, unitPriceCents: 1, costCents: 1 })
  })
})

describe('csvRecord', () => {
  it('quotes fields with separators, quotes and line breaks', () => {
    expect(csvRecord(['a', 'b,c', 'say "hi"', 'x\ny'])).toBe('a,"b,c","say ""hi""","x\ny"\r\n')
  })
})
