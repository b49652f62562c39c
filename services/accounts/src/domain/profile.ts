import { InvalidProfileError } from './errors.js'
import { normalisePhone } from './phone.js'
import type { ProfileChanges } from './account.js'

/** True for names the runtime's time zone database knows, such as `Europe/Lisbon` or `UTC`. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return true
  } catch {
    return false
  }
}

/** The canonical spelling of a language tag (`en-gb` → `en-GB`), or undefined when it is not one. */
export function canonicalLocale(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale)[0]
  } catch {
    return undefined
  }
}

/**
 * Checks what the request schema cannot (a real time zone, a real language tag, a phone number
 * with its country code) and returns the changes with the locale spelled canonically and the
 * phone number in E.164, so equal values compare equal in the audit trail. A `null` phone
 * number removes it.
 */
export function validateProfile<Changes extends ProfileChanges>(changes: Changes): Changes {
  const checked = { ...changes }
  if (changes.timeZone !== undefined && !isKnownTimeZone(changes.timeZone)) {
    throw new InvalidProfileError('timeZone', `${changes.timeZone} is not a known time zone`)
  }
  if (changes.locale !== undefined) {
    const locale = canonicalLocale(changes.locale)
    if (!locale) throw new InvalidProfileError('locale', `${changes.locale} is not a language tag`)
    checked.locale = locale
  }
  if (typeof changes.phone === 'string') checked.phone = normalisePhone(changes.phone)
  return checked
}
