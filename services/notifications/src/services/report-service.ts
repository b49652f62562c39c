import { InvalidRangeError } from '../domain/errors.js'
import { formatAmount } from '../domain/formatting.js'
import type { Channel, Delivery } from '../generated/prisma/client.js'
import { csvRecord } from '../lib/csv.js'
import type { DeliveryRepository } from '../repositories/delivery-repository.js'

const DAY_MS = 86_400_000
const MAX_DAYS = 366

/** The columns of the delivery export, in order; finance's importer reads them by name. */
export const EXPORT_COLUMNS = ['delivery_id', 'sent_at', 'channel', 'template', 'locale', 'recipient', 'units', 'unit_price_eur', 'cost_eur'] as const

export interface ReportRange {
  /** First day, YYYY-MM-DD (UTC). */
  from: string
  /** Last day, YYYY-MM-DD (UTC), included. */
  to: string
  channel?: Channel
}

export interface ChannelTotals {
  channel: Channel
  deliveries: number
  units: number
  costCents: number
}

export type ReportService = ReturnType<typeof createReportService>

/** The instants a range of whole UTC days covers: [from, to + 1 day). */
export function rangeBounds({ from, to }: ReportRange): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00.000Z`)
  const end = new Date(new Date(`${to}T00:00:00.000Z`).getTime() + DAY_MS)
  const days = (end.getTime() - start.getTime()) / DAY_MS
  if (!Number.isFinite(days) || days < 1 || days > MAX_DAYS) throw new InvalidRangeError(from, to)
  return { start, end }
}

function exportRecord(delivery: Delivery): string {
  return csvRecord([
    delivery.id,
    delivery.sentAt.toISOString(),
    delivery.channel,
    delivery.templateKey,
    delivery.locale,
    delivery.recipient,
    String(delivery.units),
    formatAmount(delivery.unitPriceCents, { locale: 'en-US' }),
    formatAmount(delivery.costCents, { locale: 'en-US' })
  ])
}

export function createReportService({ deliveries }: { deliveries: DeliveryRepository }) {
  async function load(range: ReportRange): Promise<Delivery[]> {
    const { start, end } = rangeBounds(range)
    return deliveries.inRange({ from: start, to: end, ...(range.channel ? { channel: range.channel } : {}) })
  }

  return {
    /** Counts, units and cost per channel over the range. */
    async summary(range: ReportRange): Promise<ChannelTotals[]> {
      const totals = new Map<Channel, ChannelTotals>()
      for (const delivery of await load(range)) {
        const entry = totals.get(delivery.channel) ?? { channel: delivery.channel, deliveries: 0, units: 0, costCents: 0 }
        entry.deliveries += 1
        entry.units += delivery.units
        entry.costCents += delivery.costCents
        totals.set(delivery.channel, entry)
      }
      return [...totals.values()].sort((a, b) => a.channel.localeCompare(b.channel))
    },

    /** Every delivery of the range as CSV, header first: what finance imports each month. */
    async exportCsv(range: ReportRange): Promise<string> {
      const rows = await load(range)
      return csvRecord(EXPORT_COLUMNS) + rows.map(exportRecord).join('')
    }
  }
}
