import { MeterExistsError, MeterNotFoundError } from '../domain/errors.js'
import type { MeterTerms } from '../domain/invoice-pricing.js'
import type { Meter } from '../generated/prisma/client.js'
import { isPrismaError, RECORD_NOT_FOUND, UNIQUE_VIOLATION, type Db } from './database.js'

export interface NewMeter {
  code: string
  name: string
  unitPriceCents: number
  includedUnits?: number
  createdBy: string | null
}

export interface MeterChanges {
  name?: string
  unitPriceCents?: number
  includedUnits?: number
}

export type MeterRepository = ReturnType<typeof createMeterRepository>

export function createMeterRepository(db: Db) {
  return {
    list(): Promise<Meter[]> {
      return db.meter.findMany({ orderBy: { code: 'asc' } })
    },

    async get(code: string): Promise<Meter> {
      const meter = await db.meter.findUnique({ where: { code } })
      if (!meter) throw new MeterNotFoundError(code)
      return meter
    },

    /** Reads and locks the meter, for a change that depends on its current values. */
    async getForUpdate(code: string): Promise<Meter> {
      const [locked] = await db.$queryRaw<{ code: string }[]>`SELECT code FROM meters WHERE code = ${code} FOR UPDATE`
      if (!locked) throw new MeterNotFoundError(code)
      return this.get(code)
    },

    /**
     * Today's list price of every meter, by code, with nothing included: usage priced outside
     * a billing period, where no allowance applies.
     */
    async unitPrices(): Promise<Map<string, MeterTerms>> {
      const meters = await db.meter.findMany({ select: { code: true, unitPriceCents: true } })
      return new Map(meters.map((meter) => [meter.code, { unitPriceCents: meter.unitPriceCents, includedUnits: 0 }]))
    },

    /**
     * What the customer pays per meter in a billing period, by code: the terms its contract
     * sets, and the meter's own price and allowance for those it leaves open.
     */
    async termsFor(customerId: string): Promise<Map<string, MeterTerms>> {
      const meters = await db.meter.findMany({
        select: { code: true, unitPriceCents: true, includedUnits: true, contractTerms: { where: { customerId }, select: { unitPriceCents: true, includedUnits: true } } }
      })
      return new Map(
        meters.map(({ code, unitPriceCents, includedUnits, contractTerms: [contract] }) => [
          code,
          { unitPriceCents: contract?.unitPriceCents ?? unitPriceCents, includedUnits: contract?.includedUnits ?? includedUnits }
        ])
      )
    },

    async create({ code, name, unitPriceCents, includedUnits, createdBy }: NewMeter): Promise<Meter> {
      try {
        return await db.meter.create({ data: { code, name, unitPriceCents, includedUnits, updatedBy: createdBy } })
      } catch (error) {
        if (isPrismaError(error, UNIQUE_VIOLATION)) throw new MeterExistsError(code)
        throw error
      }
    },

    async update(code: string, changes: MeterChanges, updatedBy: string | null): Promise<Meter> {
      try {
        return await db.meter.update({ where: { code }, data: { ...changes, updatedBy } })
      } catch (error) {
        if (isPrismaError(error, RECORD_NOT_FOUND)) throw new MeterNotFoundError(code)
        throw error
      }
    }
  }
}
