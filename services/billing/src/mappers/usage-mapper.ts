import type { UsageEvent } from '../generated/prisma/client.js'
import type { UsageReportResponse, UsageResponse, UsageSummaryResponse } from '../schemas/usage.js'
import type { RangeReport, UsageSummary } from '../services/usage-service.js'
import { toLineResponse } from './invoice-mapper.js'

export function toUsageResponse(event: UsageEvent): UsageResponse {
  return {
    id: event.id,
    customerId: event.customerId,
    meter: event.meterCode,
    quantity: event.quantity,
    occurredAt: event.occurredAt.toISOString(),
    idempotencyKey: event.idempotencyKey,
    recordedAt: event.recordedAt.toISOString(),
    recordedBy: event.recordedBy
  }
}

export function toUsageSummaryResponse({ customerId, period, invoiced, subtotalCents, taxRate, taxCents, totalCents, lines }: UsageSummary): UsageSummaryResponse {
  return { customerId, period, invoiced, subtotalCents, taxRatePercent: taxRate.toString(), taxCents, totalCents, lines: lines.map(toLineResponse) }
}

const dayOf = (instant: Date) => instant.toISOString().slice(0, 10)

export function toUsageReportResponse({ customerId, range, meter, totalCents, lines }: RangeReport): UsageReportResponse {
  return { customerId, from: dayOf(range.from), to: dayOf(range.to), meter, totalCents, lines: lines.map(toLineResponse) }
}
