import { MeterExistsError, MeterNotFoundError } from '../domain/errors.js'
import type { Meter } from '../generated/prisma/client.js'
import { isPrismaError, RECORD_NOT_FOUND, UNIQUE_VIOLATION, type Db } from './database.js'

export interface NewMeter {
  code: string
  name: string
  unitPriceCents: number
  createdBy: string | null
}

export interface MeterChanges {
  name?: string
  unitPriceCents?: number
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

    /** Today's list price of every meter, by code. */
    async unitPrices(): Promise<Map<string, number>> {
      const meters = await db.meter.findMany({ select: { code: true, unitPriceCents: true } })
      return new Map(meters.map((meter) => [meter.code, meter.unitPriceCents]))
    },

    async create({ code, name, unitPriceCents, createdBy }: NewMeter): Promise<Meter> {
      try {
        return await db.meter.create({ data: { code, name, unitPriceCents, updatedBy: createdBy } })
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
