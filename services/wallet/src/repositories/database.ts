import { Prisma, type PrismaClient } from '../generated/prisma/client.js'

/** What repositories run on: the client itself or the transaction a service opened. */
export type Db = Prisma.TransactionClient

/** Runs `work` in one transaction; the services own transaction boundaries, never the repositories. */
export type TransactionRunner = <T>(work: (db: Db) => Promise<T>) => Promise<T>

export function transactionRunner(prisma: PrismaClient): TransactionRunner {
  return (work) => prisma.$transaction(work)
}

export const UNIQUE_VIOLATION = 'P2002'

export function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code
}
