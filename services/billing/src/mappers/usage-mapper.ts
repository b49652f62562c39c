import type { UsageEvent } from '../generated/prisma/client.js'
import type { UsageResponse, UsageSummaryResponse } from '../schemas/usage.js'
import type { UsageSummary } from '../services/usage-service.js'
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

export function toUsageSummaryResponse({ customerId, period, invoiced, totalCents, lines }: UsageSummary): UsageSummaryResponse {
  return { customerId, period, invoiced, totalCents, lines: lines.map(toLineResponse) }
}
