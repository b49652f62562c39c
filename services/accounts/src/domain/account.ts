import { AccountStatusConflictError, AccountSuspendedError } from './errors.js'

export type AccountStatus = 'active' | 'suspended'

export interface Account {
  id: string
  email: string
  displayName: string
  locale: string
  timeZone: string
  marketingOptIn: boolean
  /** E.164, or null when the customer gave none. */
  phone: string | null
  /** The account that invited this one, kept after that account is erased. */
  referredBy: string | null
  status: AccountStatus
  suspendedAt: Date | null
  suspensionReason: string | null
  createdBy: string | null
  updatedBy: string | null
  createdAt: Date
  updatedAt: Date
}

/** What a customer can change about their own account. */
export interface ProfileChanges {
  email?: string
  displayName?: string
  locale?: string
  timeZone?: string
  marketingOptIn?: boolean
  /** `null` removes the phone number. */
  phone?: string | null
}

export type ProfileField = keyof ProfileChanges

export const PROFILE_DEFAULTS = { locale: 'en-GB', timeZone: 'UTC', marketingOptIn: false } as const

/** The fields whose new value differs from the stored one, in a stable order for the audit trail. */
export function changedFields(account: Account, changes: ProfileChanges): ProfileField[] {
  const fields: ProfileField[] = ['email', 'displayName', 'locale', 'timeZone', 'marketingOptIn', 'phone']
  return fields.filter((field) => changes[field] !== undefined && changes[field] !== account[field])
}

/**
 * A suspended account keeps its profile editable, but not its e-mail: moving the address is the
 * first thing a hijacked account does, and support reaches the owner through it.
 */
export function assertCanChange(account: Account, fields: readonly ProfileField[]): void {
  if (account.status === 'suspended' && fields.includes('email')) {
    throw new AccountSuspendedError(account.id, 'changing the e-mail')
  }
}

export interface StatusChange {
  status: AccountStatus
  suspendedAt: Date | null
  suspensionReason: string | null
}

export function suspension(account: Account, reason: string, at: Date): StatusChange {
  if (account.status === 'suspended') throw new AccountStatusConflictError(account.id, 'suspended')
  return { status: 'suspended', suspendedAt: at, suspensionReason: reason }
}

export function reactivation(account: Account): StatusChange {
  if (account.status === 'active') throw new AccountStatusConflictError(account.id, 'active')
  return { status: 'active', suspendedAt: null, suspensionReason: null }
}
