import type { Account, AccountStatus } from '../domain/account.js'
import type { Prisma } from '../generated/prisma/client.js'

export interface NewAccountRow {
  email: string
  displayName: string
  locale: string
  timeZone: string
  marketingOptIn: boolean
  createdBy: string
  phone?: string | null
  referredBy?: string | null
}

export type AccountRowChanges = Partial<
  Pick<Account, 'email' | 'displayName' | 'locale' | 'timeZone' | 'marketingOptIn' | 'phone' | 'status' | 'suspendedAt' | 'suspensionReason'>
> & { updatedBy: string }

/** Newest first; the position of a row in that order, for keyset paging. */
export interface AccountPosition {
  createdAt: Date
  id: string
}

export interface AccountFilter {
  status?: AccountStatus
  /** Part of the e-mail or the display name, any letter case. */
  search?: string
}

export function createAccountsRepository(db: Prisma.TransactionClient) {
  return {
    findById(id: string): Promise<Account | null> {
      return db.account.findUnique({ where: { id } })
    },

    findByEmail(email: string): Promise<Account | null> {
      return db.account.findUnique({ where: { email } })
    },

    /** Reads the account and holds its row lock until the transaction ends. Use inside one only. */
    async lockById(id: string): Promise<Account | null> {
      await db.$executeRaw`SELECT 1 FROM accounts WHERE id = ${id}::uuid FOR UPDATE`
      return db.account.findUnique({ where: { id } })
    },

    insert(row: NewAccountRow): Promise<Account> {
      return db.account.create({ data: { ...row, updatedBy: row.createdBy } })
    },

    update(id: string, changes: AccountRowChanges): Promise<Account> {
      return db.account.update({ where: { id }, data: changes })
    },

    async delete(id: string): Promise<void> {
      await db.account.delete({ where: { id } })
    },

    /** Up to `take` accounts after `after`, newest first. */
    list({ take, after, filter }: { take: number; after?: AccountPosition; filter: AccountFilter }): Promise<Account[]> {
      const where: Prisma.AccountWhereInput = {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.search
          ? {
              OR: [
                { email: { contains: filter.search, mode: 'insensitive' } },
                { displayName: { contains: filter.search, mode: 'insensitive' } }
              ]
            }
          : {})
      }
      const afterPosition: Prisma.AccountWhereInput | undefined = after && {
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }]
      }
      return db.account.findMany({
        where: afterPosition ? { AND: [where, afterPosition] } : where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take
      })
    }
  }
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>
