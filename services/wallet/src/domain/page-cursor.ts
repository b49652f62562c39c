import { InvalidCursorError } from './errors.js'

/** Ledger pages run newest first; a cursor is the id of the last entry handed out. */
export function encodeCursor(id: bigint): string {
  return Buffer.from(`ledger:${id}`).toString('base64url')
}

export function decodeCursor(cursor: string): bigint {
  const match = /^ledger:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString())
  if (!match) throw new InvalidCursorError()
  return BigInt(match[1]!)
}
