/** Keeps the fields a client actually sent, so a partial update leaves the others alone. */
export function pickDefined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value)) as Partial<T>
}
