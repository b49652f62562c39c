import type { Wallet } from '../generated/prisma/client.js'
import { isPrismaError, UNIQUE_VIOLATION, type Db } from './database.js'

export function createWalletRepository(db: Db) {
  return {
    /** The new wallet, or null when the customer has one already. */
    async open(customerId: string, currency: string): Promise<Wallet | null> {
      try {
        return await db.wallet.create({ data: { customerId, currency } })
      } catch (error) {
        if (isPrismaError(error, UNIQUE_VIOLATION)) return null
        throw error
      }
    },

    findByCustomer(customerId: string): Promise<Wallet | null> {
      return db.wallet.findUnique({ where: { customerId } })
    },

    /** Reads the wallet and locks its row until the transaction ends: every balance change goes through here. */
    async lockByCustomer(customerId: string): Promise<Wallet | null> {
      const [row] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM wallets WHERE customer_id = ${customerId} FOR UPDATE`
      return row ? db.wallet.findUnique({ where: { id: row.id } }) : null
    },

    setBalance(id: string, balanceCents: number): Promise<Wallet> {
      return db.wallet.update({ where: { id }, data: { balanceCents } })
    }
  }
}

export type WalletRepository = ReturnType<typeof createWalletRepository>
