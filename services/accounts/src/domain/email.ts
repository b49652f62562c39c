/** E-mail addresses are compared case-insensitively, so they are stored lower-cased. */
export function normaliseEmail(email: string): string {
  return email.toLowerCase()
}
