import { describe, expect, it } from 'vitest'
import { MissingVariableError, InvalidVariableError } from '../../src/domain/errors.js'
import { formatAmount } from '../../src/domain/formatting.js'
import { placeholders, render } from '../../src/domain/rendering.js'

const en = { locale: 'en', currency: 'EUR' }
const de = { locale: 'de', currency: 'EUR' }

describe('render', () => {
  it('fills plain placeholders in, spaces inside the braces allowed', () => {
    expect(render('t', 'Hi {{name}}, code {{ code }}', { name: 'Ana', code: 482913 }, en)).toBe('Hi Ana, code 482913')
  })

  it('writes money in the recipient locale', () => {
    expect(render('t', '{{total|money}}', { total: 124990 }, de)).toBe('1.249,90\u00a0€')
    expect(render('t', '{{total|money}}', { total: 124990 }, en)).toBe('€1,249.90')
    expect(render('t', '{{total|money}}', { total: 0 }, { locale: 'fr', currency: 'CHF' })).toBe('0,00\u00a0CHF')
  })

  it('writes dates in the recipient locale', () => {
    expect(render('t', '{{due | date}}', { due: '2026-03-04' }, de)).toBe('4. März 2026')
    expect(render('t', '{{due|date}}', { due: '2026-03-04' }, en)).toBe('March 4, 2026')
  })

  it('names every missing variable once', () => {
    expect(() => render('t', '{{a}} {{b}} {{a}}', {}, en)).toThrow(MissingVariableError)
    expect(() => render('t', '{{a}} {{b}} {{a}}', {}, en)).toThrow('"a", "b"')
  })

  it('refuses money that is not whole cents and dates that are not YYYY-MM-DD', () => {
    expect(() => render('t', '{{x|money}}', { x: '12.50' }, en)).toThrow(InvalidVariableError)
    expect(() => render('t', '{{x|date}}', { x: '04/03/2026' }, en)).toThrow(InvalidVariableError)
  })

  it('lists placeholders in order of appearance', () => {
    expect(placeholders('{{b}} {{a|money}} {{b}}')).toEqual(['b', 'a'])
  })
})

describe('formatAmount', () => {
  it('writes plain amounts with two decimals and no grouping', () => {
    expect(formatAmount(0, { locale: 'en-US' })).toBe('0.00')
    expect(formatAmount(7, { locale: 'en-US' })).toBe('0.07')
    expect(formatAmount(123456, { locale: 'en-US' })).toBe('1234.56')
    expect(formatAmount(123456, { locale: 'de' })).toBe('1234,56')
  })
})
