import { InvalidProfileError } from './errors.js'
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
 * Checks what the request schema cannot (a real time zone, a real language tag) and returns the
 * changes with the locale spelled canonically, so equal values compare equal in the audit trail.
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
  return checked
}
