import { InvalidCursorError } from './errors.js'

/**
 * Cursors are opaque to clients: the position after the last item of a page, as base64url
 * JSON. Decoding checks the shape, so a hand-made or stale cursor is a 400, never a 500.
 */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url')
}

export function decodeCursor<Position extends Record<string, string | number>>(
  cursor: string,
  isPosition: (value: Record<string, unknown>) => value is Position
): Position {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPosition(value as Record<string, unknown>)) {
    throw new InvalidCursorError()
  }
  return value as Position
}

export interface Page<Item> {
  items: Item[]
  nextCursor: string | null
}

/**
 * Repositories read one row more than the page holds: if it is there, there is a next page,
 * and it starts after the last item shown.
 */
export function toPage<Row, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item, positionOf: (row: Row) => Record<string, string | number>): Page<Item> {
  const shown = rows.slice(0, limit)
  const last = shown.at(-1)
  return { items: shown.map(toItem), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null }
}
