import { MeterNotFoundError } from '../domain/errors.js'
import type { ContractTerms } from '../generated/prisma/client.js'
import { FOREIGN_KEY_VIOLATION, isPrismaError, type Db } from './database.js'

/** A customer's negotiated terms for one meter; null leaves the meter's own price or allowance. */
export interface NegotiatedTerms {
  unitPriceCents: number | null
  includedUnits: number | null
}

export type ContractRepository = ReturnType<typeof createContractRepository>

export function createContractRepository(db: Db) {
  return {
    /** The customer's terms, by meter code; a customer without a contract has none. */
    list(customerId: string): Promise<ContractTerms[]> {
      return db.contractTerms.findMany({ where: { customerId }, orderBy: { meterCode: 'asc' } })
    },

    async set(customerId: string, meterCode: string, { unitPriceCents, includedUnits }: NegotiatedTerms, updatedBy: string | null): Promise<ContractTerms> {
      try {
        return await db.contractTerms.upsert({
          where: { customerId_meterCode: { customerId, meterCode } },
          create: { customerId, meterCode, unitPriceCents, includedUnits, updatedBy },
          update: { unitPriceCents, includedUnits, updatedBy }
        })
      } catch (error) {
        if (isPrismaError(error, FOREIGN_KEY_VIOLATION)) throw new MeterNotFoundError(meterCode)
        throw error
      }
    }
  }
}
