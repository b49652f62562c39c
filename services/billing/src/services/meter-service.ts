import { meterAggregateId } from '../domain/billing-events.js'
import { MeterNotFoundError } from '../domain/errors.js'
import type { Meter } from '../generated/prisma/client.js'
import { cached } from '../lib/ttl-cache.js'
import type { TransactionRunner } from '../repositories/database.js'
import { createMeterRepository, type MeterChanges, type MeterRepository, type NewMeter } from '../repositories/meter-repository.js'
import { createOutboxRepository } from '../repositories/outbox-repository.js'
import { PRICE_LIST_KEY, type BillingCaches } from './billing-caches.js'

export interface MeterServiceDeps {
  meters: MeterRepository
  transaction: TransactionRunner
  caches: BillingCaches
}

export type MeterService = ReturnType<typeof createMeterService>

/** The price list. Reads come from the cache; invoices read prices in their own transaction instead. */
export function createMeterService({ meters, transaction, caches }: MeterServiceDeps) {
  const priceList = () => cached(caches.meters, PRICE_LIST_KEY, () => meters.list())

  /** A new price changes every open period's preview; issued invoices keep the prices they were issued with. */
  function forgetPrices(): void {
    caches.meters.delete(PRICE_LIST_KEY)
    caches.usageSummaries.clear()
  }

  return {
    list: priceList,

    async get(code: string): Promise<Meter> {
      const meter = (await priceList()).find((candidate) => candidate.code === code)
      if (!meter) throw new MeterNotFoundError(code)
      return meter
    },

    async create(meter: NewMeter): Promise<Meter> {
      const created = await meters.create(meter)
      forgetPrices()
      return created
    },

    /** Changes a meter; a new price is announced to other systems in the same transaction. */
    async update(code: string, changes: MeterChanges, changedBy: string | null): Promise<Meter> {
      const updated = await transaction(async (db) => {
        const repository = createMeterRepository(db)
        const before = await repository.getForUpdate(code)
        const after = await repository.update(code, changes, changedBy)
        if (after.unitPriceCents !== before.unitPriceCents) {
          await createOutboxRepository(db).enqueue({
            type: 'meter.price_changed',
            aggregateId: meterAggregateId(code),
            payload: { meter: code, previousUnitPriceCents: before.unitPriceCents, unitPriceCents: after.unitPriceCents, changedBy }
          })
        }
        return after
      })
      forgetPrices()
      return updated
    }
  }
}
