import type { AccountStatus } from '../domain/account.js'
import { Prisma } from '../generated/prisma/client.js'

/** An account as the export reads it, with the e-mail of the account that referred it. */
export interface AccountExportRow {
  id: string
  email: string
  display_name: string
  phone: string | null
  locale: string
  time_zone: string
  marketing_opt_in: boolean
  status: AccountStatus
  created_at: Date
  /** Kept after the referrer erased their account. */
  referred_by: string | null
  /** Null when nobody referred the account, or when the referrer has since been erased. */
  referrer_email: string | null
}

export interface AccountExportFilter {
  /** Created at or after. */
  from: Date
  /** Created before. */
  to: Date
  status?: AccountStatus
  referredBy?: string
}

export function createAccountExportRepository(db: Prisma.TransactionClient) {
  return {
    /** Up to `limit` accounts created in [from, to), oldest first. One query: exports run over months. */
    rows({ from, to, status, referredBy }: AccountExportFilter, limit: number): Promise<AccountExportRow[]> {
      const conditions = [
        Prisma.sql`a.created_at >= ${from}`,
        Prisma.sql`a.created_at < ${to}`,
        ...(status ? [Prisma.sql`a.status = ${status}::"AccountStatus"`] : []),
        ...(referredBy ? [Prisma.sql`a.referred_by = ${referredBy}::uuid`] : [])
      ]
      return db.$queryRaw<AccountExportRow[]>`
        SELECT a.id::text AS id, a.email, a.display_name, a.phone, a.locale, a.time_zone, a.marketing_opt_in,
               a.status::text AS status, a.created_at, a.referred_by::text AS referred_by, r.email AS referrer_email
          FROM accounts a
          LEFT JOIN accounts r ON r.id = a.referred_by
         WHERE ${Prisma.join(conditions, ' AND ')}
         ORDER BY a.created_at, a.id
         LIMIT ${limit}`
    }
  }
}

export type AccountExportRepository = ReturnType<typeof createAccountExportRepository>
