import { Prisma } from '../generated/prisma/client.js'

/** A unique constraint, as PostgreSQL names it and by the columns it covers. */
export interface UniqueConstraint {
  index: string
  columns: readonly string[]
}

export const ACCOUNT_EMAIL_UNIQUE: UniqueConstraint = { index: 'accounts_email_key', columns: ['email'] }

interface AdapterConstraint {
  index?: string
  fields?: string[]
}

/**
 * Where a P2002 says which constraint failed depends on the engine: Prisma's query engine puts
 * the fields in `meta.target`, driver adapters (we use pg) put what the database reported in
 * `meta.driverAdapterError.cause.constraint`: the index name, or the columns when PostgreSQL
 * gives no name.
 */
function violatedConstraint(error: Prisma.PrismaClientKnownRequestError): AdapterConstraint {
  const meta = error.meta ?? {}
  if (Array.isArray(meta.target)) return { fields: meta.target.map(String) }
  if (typeof meta.target === 'string') return { index: meta.target }
  const adapterError = meta.driverAdapterError as { cause?: { constraint?: AdapterConstraint } } | undefined
  return adapterError?.cause?.constraint ?? {}
}

export function isUniqueViolation(error: unknown, constraint: UniqueConstraint): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false
  const violated = violatedConstraint(error)
  if (violated.index) return violated.index === constraint.index
  return violated.fields !== undefined && constraint.columns.every((column) => violated.fields?.includes(column))
}

/** Write conflicts and deadlocks: the transaction did nothing and may simply be run again. */
export function isTransientConflict(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2034'
}
