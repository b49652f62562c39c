import type { Account, AccountStatus } from './account.js'

/** What the outside world learns about an account; the topics of the webhook deliveries. */
export const AccountEventType = {
  created: 'account.created',
  updated: 'account.updated',
  suspended: 'account.suspended',
  reactivated: 'account.reactivated',
  deleted: 'account.deleted'
} as const

export type AccountEventType = (typeof AccountEventType)[keyof typeof AccountEventType]

/** An entry of the audit trail, before it is stored. */
export interface AccountHistoryEntry {
  accountId: string
  type: AccountEventType
  actor: string
  changedFields?: string[]
  reason?: string | null
}

/** The account as other services see it in an event: no audit fields, dates as ISO strings. */
export interface AccountSnapshot {
  id: string
  email: string
  displayName: string
  locale: string
  timeZone: string
  marketingOptIn: boolean
  phone: string | null
  status: AccountStatus
}

/** An event as it is written to the outbox; the relay adds the delivery id and the time. */
export interface AccountAnnouncement {
  topic: AccountEventType
  aggregateId: string
  payload: { account: AccountSnapshot | { id: string }; changedFields?: string[] }
}

export function snapshot(account: Account): AccountSnapshot {
  const { id, email, displayName, locale, timeZone, marketingOptIn, phone, status } = account
  return { id, email, displayName, locale, timeZone, marketingOptIn, phone, status }
}

export function announce(topic: Exclude<AccountEventType, 'account.deleted'>, account: Account, changedFields?: string[]): AccountAnnouncement {
  return { topic, aggregateId: account.id, payload: { account: snapshot(account), ...(changedFields ? { changedFields } : {}) } }
}

/** A deleted account is announced by id only: its personal data is gone and must not travel on. */
export function announceDeletion(accountId: string): AccountAnnouncement {
  return { topic: AccountEventType.deleted, aggregateId: accountId, payload: { account: { id: accountId } } }
}
