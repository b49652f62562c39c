import { InvalidProfileError } from './errors.js'

/** What people type between the digits of a phone number: spaces, dashes, dots, brackets. */
const SEPARATORS = /[\s().\-/]/g

/** E.164: a plus, a country code that does not start with 0, and at most 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/

/**
 * A phone number as customers type it (`+44 20 7946 0958`, `0049 (151) 2345-6789`) in E.164
 * (`+442079460958`), the form SMS providers take. Throws `InvalidProfileError` for anything
 * that is not an international number: without a country code we cannot tell where it rings.
 */
export function normalisePhone(input: string): string {
  const compact = input.trim().replace(SEPARATORS, '')
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact
  if (!E164.test(international)) {
    throw new InvalidProfileError('phone', `${input} is not a phone number in international format, such as +44 20 7946 0958`)
  }
  return international
}
