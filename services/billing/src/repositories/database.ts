import { Prisma, type PrismaClient } from '../generated/prisma/client.js'

/** What repositories run on: the client itself or the transaction a service opened. */
export type Db = Prisma.TransactionClient

/** Runs `work` in one transaction; the services own transaction boundaries, never the repositories. */
export type TransactionRunner = <T>(work: (db: Db) => Promise<T>) => Promise<T>

export function transactionRunner(prisma: PrismaClient): TransactionRunner {
  return (work) => prisma.$transaction(work)
}

/** Prisma's codes for the constraint violations repositories turn into domain errors. */
export const UNIQUE_VIOLATION = 'P2002'
export const FOREIGN_KEY_VIOLATION = 'P2003'
export const RECORD_NOT_FOUND = 'P2025'

export function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code
}

/**
 * Serialises writers of one customer's billing period until the transaction ends: recording
 * usage and issuing the invoice of the same period must not interleave, or usage could land
 * after its invoice was totalled. Postgres releases the lock at commit or rollback.
 */
export async function lockCustomerPeriod(db: Db, customerId: string, period: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${customerId}), hashtext(${period}))`
}
