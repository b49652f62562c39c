import { InvalidCursorError } from './errors.js'

/**
 * History pages are read newest first and resumed below the last id a client saw. The id is
 * wrapped in an opaque token so that clients do not build cursors themselves and the
 * position can change shape later without breaking them.
 */
export function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ id })).toString('base64url')
}

export function decodeCursor(cursor: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (typeof decoded === 'object' && decoded !== null && 'id' in decoded && Number.isSafeInteger(decoded.id) && Number(decoded.id) > 0) {
      return Number(decoded.id)
    }
  } catch {
    // Not base64 JSON: answered below like any other malformed cursor.
  }
  throw new InvalidCursorError()
}

export interface Page<T> {
  items: T[]
  next: string | null
}

/** Turns `limit + 1` rows, newest first, into a page and the cursor of the one after it. */
export function toPage<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items, next: rows.length > limit && last ? encodeCursor(last.id) : null }
}
