import { TaxRate } from '../domain/tax-rate.js'
import type { Db } from './database.js'

export interface CustomerTax {
  customerId: string
  rate: TaxRate
  updatedAt: Date | null
  updatedBy: string | null
}

export type TaxRateRepository = ReturnType<typeof createTaxRateRepository>

export function createTaxRateRepository(db: Db) {
  return {
    /** The customer's rate; a customer nobody set a rate for pays no tax. */
    async find(customerId: string): Promise<CustomerTax> {
      const row = await db.customerTaxRate.findUnique({ where: { customerId } })
      if (!row) return { customerId, rate: TaxRate.NONE, updatedAt: null, updatedBy: null }
      return { customerId, rate: TaxRate.parse(row.ratePercent.toString()), updatedAt: row.updatedAt, updatedBy: row.updatedBy }
    },

    async set(customerId: string, rate: TaxRate, updatedBy: string | null): Promise<CustomerTax> {
      const ratePercent = rate.toString()
      const row = await db.customerTaxRate.upsert({
        where: { customerId },
        create: { customerId, ratePercent, updatedBy },
        update: { ratePercent, updatedBy }
      })
      return { customerId, rate: TaxRate.parse(row.ratePercent.toString()), updatedAt: row.updatedAt, updatedBy: row.updatedBy }
    }
  }
}
