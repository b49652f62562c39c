import { emailDomain } from './email.js'
import { UndeliverableEmailError } from './errors.js'

/**
 * Throwaway-inbox providers. Sign-ups from them are almost always abuse of the free trial, and
 * their mail bounces within the hour, so every later notification fails.
 */
export const DISPOSABLE_EMAIL_DOMAINS: readonly string[] = [
  '10minutemail.com',
  'discard.email',
  'guerrillamail.com',
  'mailinator.com',
  'maildrop.cc',
  'sharklasers.com',
  'temp-mail.org',
  'throwawaymail.com',
  'trashmail.com',
  'yopmail.com'
]

export interface EmailPolicy {
  /** Throws `UndeliverableEmailError` for an address we refuse to register. */
  assertAcceptable(email: string): void
}

/** Refuses the built-in disposable domains, the `extraBlockedDomains` and their subdomains. */
export function createEmailPolicy(extraBlockedDomains: readonly string[] = []): EmailPolicy {
  const blocked = new Set([...DISPOSABLE_EMAIL_DOMAINS, ...extraBlockedDomains].map((domain) => domain.trim().toLowerCase()).filter(Boolean))

  function isBlocked(domain: string): boolean {
    const labels = domain.split('.')
    // mail.yopmail.com is as disposable as yopmail.com; check every parent domain.
    return labels.some((_, index) => blocked.has(labels.slice(index).join('.')))
  }

  return {
    assertAcceptable(email) {
      const domain = emailDomain(email)
      if (isBlocked(domain)) throw new UndeliverableEmailError(domain)
    }
  }
}

/** Reads the `BLOCKED_EMAIL_DOMAINS` setting: domains separated by commas or whitespace. */
export function parseDomainList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean)
}
