/** E-mail addresses are compared case-insensitively, so they are stored lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** The part after the last `@`, lower-cased. */
export function emailDomain(email: string): string {
  return normaliseEmail(email.slice(email.lastIndexOf('@') + 1))
}

/**
 * An address safe to write to logs: the first letter of the mailbox and the domain, enough to
 * tell two customers apart in a support conversation without logging personal data.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at < 1) return '***'
  return `${email.slice(0, 1)}***@${email.slice(at + 1)}`
}
