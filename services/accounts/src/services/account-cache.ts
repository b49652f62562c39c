import type { Account } from '../domain/account.js'
import type { Cache } from '../lib/cache.js'

/**
 * Accounts by id and by e-mail, for the lookups other services make on every request. Each
 * instance has its own cache, so after a write another instance may answer from memory until
 * the TTL runs out; callers that must see their own write read it from the write's response.
 */
export interface AccountCache {
  byId(id: string): Account | undefined
  byEmail(email: string): Account | undefined
  remember(account: Account): void
  /** Drops every entry that may describe `account`, under its old e-mail as well as its id. */
  forget(account: Pick<Account, 'id' | 'email'>): void
}

export function createAccountCache(cache: Cache<Account>): AccountCache {
  const idKey = (id: string) => `id:${id}`
  const emailKey = (email: string) => `email:${email}`

  return {
    byId: (id) => cache.get(idKey(id)),
    byEmail: (email) => cache.get(emailKey(email)),
    remember(account) {
      cache.set(idKey(account.id), account)
      cache.set(emailKey(account.email), account)
    },
    forget({ id, email }) {
      const cached = cache.get(idKey(id))
      cache.delete(idKey(id))
      cache.delete(emailKey(email))
      if (cached) cache.delete(emailKey(cached.email))
    }
  }
}
