import { describe, expect, it } from 'vitest'
import { assertCanChange, changedFields, reactivation, suspension, type Account } from '../../src/domain/account.js'
import { AccountStatusConflictError, AccountSuspendedError, InvalidProfileError } from '../../src/domain/errors.js'
import { canonicalLocale, isKnownTimeZone, validateProfile } from '../../src/domain/profile.js'

const account: Account = {
  id: '6f1c2a9e-3b7d-4e21-9a0b-5c8d7e6f4a31',
  email: 'hana.sato@icloud.com',
  displayName: 'Hana Sato',
  locale: 'ja-JP',
  timeZone: 'Asia/Tokyo',
  marketingOptIn: false,
  phone: null,
  referredBy: null,
  status: 'active',
  suspendedAt: null,
  suspensionReason: null,
  createdBy: 'signup-web',
  updatedBy: 'signup-web',
  createdAt: new Date('2026-03-01T08:00:00Z'),
  updatedAt: new Date('2026-03-01T08:00:00Z')
}

describe('changedFields', () => {
  it('names only the fields whose value differs', () => {
    expect(changedFields(account, { displayName: 'Hana Sato', timeZone: 'Europe/Berlin', marketingOptIn: true })).toEqual(['timeZone', 'marketingOptIn'])
  })

  it('treats a change back to false as a change', () => {
    expect(changedFields({ ...account, marketingOptIn: true }, { marketingOptIn: false })).toEqual(['marketingOptIn'])
  })

  it('is empty when nothing differs', () => {
    expect(changedFields(account, { email: account.email })).toEqual([])
  })
})

describe('assertCanChange', () => {
  const suspended = { ...account, status: 'suspended' as const }

  it('keeps the e-mail of a suspended account', () => {
    expect(() => assertCanChange(suspended, ['displayName', 'email'])).toThrow(AccountSuspendedError)
  })

  it('lets a suspended account change its other details', () => {
    expect(() => assertCanChange(suspended, ['displayName', 'locale'])).not.toThrow()
  })
})

describe('suspension and reactivation', () => {
  const at = new Date('2026-04-02T10:15:00Z')

  it('suspends an active account with the reason and the time', () => {
    expect(suspension(account, 'chargeback fraud', at)).toEqual({ status: 'suspended', suspendedAt: at, suspensionReason: 'chargeback fraud' })
  })

  it('refuses to suspend twice or to reactivate an active account', () => {
    expect(() => suspension({ ...account, status: 'suspended' }, 'again', at)).toThrow(AccountStatusConflictError)
    expect(() => reactivation(account)).toThrow(AccountStatusConflictError)
  })

  it('clears the suspension on reactivation', () => {
    expect(reactivation({ ...account, status: 'suspended', suspendedAt: at, suspensionReason: 'x' })).toEqual({
      status: 'active',
      suspendedAt: null,
      suspensionReason: null
    })
  })
})

describe('profile checks', () => {
  it('knows real time zones only', () => {
    expect(isKnownTimeZone('America/Bogota')).toBe(true)
    expect(isKnownTimeZone('UTC')).toBe(true)
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false)
  })

  it('spells language tags canonically', () => {
    expect(canonicalLocale('pt-br')).toBe('pt-BR')
    expect(canonicalLocale('en-')).toBeUndefined()
  })

  it('returns the changes with a canonical locale, and refuses unknown time zones', () => {
    expect(validateProfile({ locale: 'de-de', displayName: 'Lars' })).toEqual({ locale: 'de-DE', displayName: 'Lars' })
    expect(() => validateProfile({ timeZone: 'Europe/Atlantis' })).toThrow(InvalidProfileError)
  })
})
