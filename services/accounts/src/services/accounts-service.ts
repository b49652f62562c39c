import { AccountEventType, announce, announceDeletion } from '../domain/account-events.js'
import { assertCanChange, changedFields, PROFILE_DEFAULTS, type Account, type ProfileChanges, type ProfileField } from '../domain/account.js'
import { decodeCursor, encodeCursor, takePage } from '../domain/cursor.js'
import type { EmailPolicy } from '../domain/email-policy.js'
import { normaliseEmail } from '../domain/email.js'
import { AccountNotFoundError, EmailTakenError, InvalidCursorError } from '../domain/errors.js'
import { validateProfile } from '../domain/profile.js'
import type { AccountFilter, AccountPosition, AccountsRepository, NewAccountRow } from '../repositories/accounts-repository.js'
import { ACCOUNT_EMAIL_UNIQUE, isUniqueViolation } from '../repositories/prisma-errors.js'
import type { InTransaction } from '../repositories/unit-of-work.js'
import type { AccountCache } from './account-cache.js'

export interface SignUp extends ProfileChanges {
  email: string
  displayName: string
  /** Checked beforehand by the sign-up gate. */
  referredBy?: string
}

export interface AccountListQuery extends AccountFilter {
  limit: number
  cursor?: string
}

export interface Page<Item> {
  items: Item[]
  nextCursor: string | null
}

export interface ProfileUpdate {
  account: Account
  changedFields: ProfileField[]
}

export interface AccountsServiceDependencies {
  /** Reads outside any transaction. */
  accounts: AccountsRepository
  inTransaction: InTransaction
  cache: AccountCache
  emailPolicy: EmailPolicy
}

/** Sign-up, reading and changing accounts. Every change leaves a history entry and an outbox message. */
export function createAccountsService({ accounts, inTransaction, cache, emailPolicy }: AccountsServiceDependencies) {
  /** Normalises the e-mail, checks it may be registered and checks the rest of the profile. */
  function prepareProfile<Changes extends ProfileChanges>(changes: Changes): Changes {
    const profile = validateProfile(changes.email === undefined ? changes : { ...changes, email: normaliseEmail(changes.email) })
    if (profile.email !== undefined) emailPolicy.assertAcceptable(profile.email)
    return profile
  }

  /** Stores the account with its first history entry and its announcement, all or nothing. */
  async function register(row: NewAccountRow): Promise<Account> {
    try {
      return await inTransaction(async ({ accounts, history, outbox }) => {
        const account = await accounts.insert(row)
        await history.append({ accountId: account.id, type: AccountEventType.created, actor: row.createdBy })
        await outbox.enqueue(announce(AccountEventType.created, account))
        return account
      })
    } catch (error) {
      if (isUniqueViolation(error, ACCOUNT_EMAIL_UNIQUE)) throw new EmailTakenError(row.email)
      throw error
    }
  }

  return {
    /** `actor` is the API client acting for the customer; it is recorded as the creator. */
    async signUp(request: SignUp, actor: string): Promise<Account> {
      const profile = prepareProfile({ ...PROFILE_DEFAULTS, ...request })
      return register({ ...profile, createdBy: actor })
    },

    async get(id: string): Promise<Account> {
      const cached = cache.byId(id)
      if (cached) return cached
      const account = await accounts.findById(id)
      if (!account) throw new AccountNotFoundError(id)
      cache.remember(account)
      return account
    },

    /** The account registered under `email` in any letter case, or undefined. */
    async findByEmail(email: string): Promise<Account | undefined> {
      const normalised = normaliseEmail(email)
      const cached = cache.byEmail(normalised)
      if (cached) return cached
      const account = await accounts.findByEmail(normalised)
      if (account) cache.remember(account)
      return account ?? undefined
    },

    async list({ limit, cursor, ...filter }: AccountListQuery): Promise<Page<Account>> {
      const after = cursor === undefined ? undefined : decodeAccountCursor(cursor)
      const page = takePage(await accounts.list({ take: limit + 1, after, filter }), limit)
      return {
        items: page.rows,
        nextCursor: page.hasMore && page.last ? encodeCursor([page.last.createdAt.toISOString(), page.last.id]) : null
      }
    },

    /** Applies the fields that differ from the stored ones; unchanged fields leave no trace. */
    async updateProfile(id: string, changes: ProfileChanges, actor: string): Promise<ProfileUpdate> {
      const profile = prepareProfile(changes)
      try {
        const update = await inTransaction(async ({ accounts, history, outbox }) => {
          const current = await accounts.lockById(id)
          if (!current) throw new AccountNotFoundError(id)
          const fields = changedFields(current, profile)
          assertCanChange(current, fields)
          if (!fields.length) return { before: current, account: current, changedFields: fields }
          const changed = Object.fromEntries(fields.map((field) => [field, profile[field]]))
          const account = await accounts.update(id, { ...changed, updatedBy: actor })
          await history.append({ accountId: id, type: AccountEventType.updated, actor, changedFields: fields })
          await outbox.enqueue(announce(AccountEventType.updated, account, fields))
          return { before: current, account, changedFields: fields }
        })
        cache.forget(update.before)
        return { account: update.account, changedFields: update.changedFields }
      } catch (error) {
        if (profile.email !== undefined && isUniqueViolation(error, ACCOUNT_EMAIL_UNIQUE)) throw new EmailTakenError(profile.email)
        throw error
      }
    },

    /** Erases the account. Its history stays (it holds no personal data); others learn only its id. */
    async remove(id: string, actor: string): Promise<void> {
      const removed = await inTransaction(async ({ accounts, history, outbox }) => {
        const account = await accounts.lockById(id)
        if (!account) throw new AccountNotFoundError(id)
        await accounts.delete(id)
        await history.append({ accountId: id, type: AccountEventType.deleted, actor })
        await outbox.enqueue(announceDeletion(id))
        return account
      })
      cache.forget(removed)
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function decodeAccountCursor(cursor: string): AccountPosition {
  const [createdAt = '', id = ''] = decodeCursor(cursor, 2)
  const position = { createdAt: new Date(createdAt), id }
  if (Number.isNaN(position.createdAt.getTime()) || !UUID.test(id)) throw new InvalidCursorError()
  return position
}

export type AccountsService = ReturnType<typeof createAccountsService>
