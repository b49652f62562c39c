import { InvalidInvitationError, InvitationRequiredError } from '../domain/errors.js'
import type { AccountsRepository } from '../repositories/accounts-repository.js'

export interface SignUpGateOptions {
  /** Reads outside any transaction. */
  accounts: AccountsRepository
  /** Only customers who follow another customer's invitation may sign up. */
  inviteOnly: boolean
}

/**
 * Decides whether a sign-up may go ahead, before anything is stored: an invitation must come from
 * an active account, and while sign-up is invite-only there must be one.
 */
export function createSignUpGate({ accounts, inviteOnly }: SignUpGateOptions) {
  return {
    async admit({ referredBy }: { referredBy?: string }): Promise<void> {
      if (referredBy === undefined) {
        if (inviteOnly) throw new InvitationRequiredError()
        return
      }
      const referrer = await accounts.findById(referredBy)
      if (!referrer || referrer.status !== 'active') throw new InvalidInvitationError(referredBy)
    }
  }
}

export type SignUpGate = ReturnType<typeof createSignUpGate>
