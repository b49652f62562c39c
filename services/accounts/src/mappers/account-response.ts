import type { Account } from '../domain/account.js'
import type { HistoryRecord } from '../repositories/account-history-repository.js'
import type { AccountResponse } from '../schemas/accounts.js'
import type { HistoryEntryResponse } from '../schemas/account-history.js'

export function toAccountResponse(account: Account): AccountResponse {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    locale: account.locale,
    timeZone: account.timeZone,
    marketingOptIn: account.marketingOptIn,
    phone: account.phone,
    referredBy: account.referredBy,
    status: account.status,
    suspendedAt: account.suspendedAt?.toISOString() ?? null,
    suspensionReason: account.suspensionReason,
    createdBy: account.createdBy,
    updatedBy: account.updatedBy,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString()
  }
}

export function toHistoryEntryResponse(entry: HistoryRecord): HistoryEntryResponse {
  return {
    id: entry.id.toString(),
    type: entry.type,
    actor: entry.actor,
    changedFields: entry.changedFields,
    reason: entry.reason,
    occurredAt: entry.occurredAt.toISOString()
  }
}
