import { InvalidCursorError } from './errors.js'

/**
 * Page cursors are opaque to clients: the sort key of the last row served, as base64url JSON.
 * Opaque so that we can change the ordering or the key without breaking anyone who stored one.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** The key inside `cursor`, which must hold exactly `length` strings; else `InvalidCursorError`. */
export function decodeCursor(cursor: string, length: number): string[] {
  let key: unknown
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  if (!Array.isArray(key) || key.length !== length || !key.every((part) => typeof part === 'string')) {
    throw new InvalidCursorError()
  }
  return key
}

/** Splits a `limit + 1` query result into one page and whether another follows. */
export function takePage<Row>(rows: Row[], limit: number): { rows: Row[]; last: Row | undefined; hasMore: boolean } {
  const hasMore = rows.length > limit
  const page = hasMore ? rows.slice(0, limit) : rows
  return { rows: page, last: page.at(-1), hasMore }
}
