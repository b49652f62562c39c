const E164 = /^\+[1-9]\d{6,14}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function isValidRecipient(channel: 'email' | 'sms', recipient: string): boolean {
  return channel === 'sms' ? E164.test(recipient) : EMAIL.test(recipient)
}
