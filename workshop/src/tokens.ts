import { createHash, randomBytes, randomInt } from 'node:crypto'

export type TokenKind = 'facilitator' | 'trainee'

const PREFIX: Record<TokenKind, string> = { facilitator: 'drf', trainee: 'drt' }

/** 192 random bits, prefixed by kind so a token pasted in the wrong place is recognisable. */
export function newToken(kind: TokenKind): string {
  return `${PREFIX[kind]}_${randomBytes(24).toString('base64url')}`
}

/** Only this is stored: a leaked database gives no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

// No 0/O, 1/I/L: codes are read off a projector.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function newJoinCode(length = 6): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return match?.[1]
}
