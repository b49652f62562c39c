import { AccountEventType, announce } from '../domain/account-events.js'
import { reactivation, suspension, type Account, type StatusChange } from '../domain/account.js'
import { AccountNotFoundError } from '../domain/errors.js'
import type { InTransaction } from '../repositories/unit-of-work.js'
import type { AccountCache } from './account-cache.js'

export interface AccountStatusServiceDependencies {
  inTransaction: InTransaction
  cache: AccountCache
  now?: () => Date
}

/** Suspension (support and fraud tooling) and reactivation of accounts. */
export function createAccountStatusService({ inTransaction, cache, now = () => new Date() }: AccountStatusServiceDependencies) {
  async function changeStatus(
    id: string,
    actor: string,
    decide: (account: Account) => StatusChange,
    type: typeof AccountEventType.suspended | typeof AccountEventType.reactivated
  ): Promise<Account> {
    const account = await inTransaction(async ({ accounts, history, outbox }) => {
      const current = await accounts.lockById(id)
      if (!current) throw new AccountNotFoundError(id)
      const change = decide(current)
      const account = await accounts.update(id, { ...change, updatedBy: actor })
      await history.append({ accountId: id, type, actor, changedFields: ['status'], reason: change.suspensionReason })
      await outbox.enqueue(announce(type, account, ['status']))
      return account
    })
    cache.forget(account)
    return account
  }

  return {
    suspend(id: string, reason: string, actor: string): Promise<Account> {
      return changeStatus(id, actor, (account) => suspension(account, reason, now()), AccountEventType.suspended)
    },

    reactivate(id: string, actor: string): Promise<Account> {
      return changeStatus(id, actor, reactivation, AccountEventType.reactivated)
    }
  }
}

export type AccountStatusService = ReturnType<typeof createAccountStatusService>
