import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'x-orders-signature'

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe signs its webhooks: the
 * timestamp inside the signed text stops a captured delivery from being replayed later.
 */
export function signPayload(secret: string, body: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000)
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${digest}`
}

/** What a receiver runs; kept here so the format has one definition. */
export function verifySignature(secret: string, body: string, header: string, { now = new Date(), toleranceSeconds = 300 } = {}): boolean {
  const fields = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]))
  const timestamp = Number(fields.get('t'))
  const received = Buffer.from(fields.get('v1') ?? '', 'hex')
  if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false
  const expected = Buffer.from(signPayload(secret, body, new Date(timestamp * 1000)).split('v1=')[1] ?? '', 'hex')
  return received.length === expected.length && timingSafeEqual(received, expected)
}
