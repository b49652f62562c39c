import type { Meter } from '../generated/prisma/client.js'
import type { MeterResponse } from '../schemas/meters.js'

export function toMeterResponse({ code, name, unitPriceCents, includedUnits, updatedAt, updatedBy }: Meter): MeterResponse {
  return { code, name, unitPriceCents, includedUnits, updatedAt: updatedAt.toISOString(), updatedBy }
}
