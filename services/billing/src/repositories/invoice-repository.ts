import { InvoiceExistsError } from '../domain/errors.js'
import type { PricedLine } from '../domain/invoice-pricing.js'
import type { InvoiceStatus } from '../domain/invoice-lifecycle.js'
import type { Invoice, InvoiceLine, Prisma } from '../generated/prisma/client.js'
import { isPrismaError, UNIQUE_VIOLATION, type Db } from './database.js'

export type InvoiceWithLines = Invoice & { lines: InvoiceLine[] }

export interface NewInvoice {
  customerId: string
  period: string
  lines: PricedLine[]
  subtotalCents: number
  /** The tax rate in percent, as `TaxRate` writes it. */
  taxRatePercent: string
  taxCents: number
  totalCents: number
  issuedAt: Date
  issuedBy: string | null
  dueAt: Date
}

export interface InvoiceListQuery {
  period?: string
  status?: InvoiceStatus
  limit: number
  /** Continue after this invoice id (the list is newest first). */
  afterId?: number
}

const withLines = { lines: { orderBy: { meterCode: 'asc' } } } satisfies Prisma.InvoiceInclude

export type InvoiceRepository = ReturnType<typeof createInvoiceRepository>

export function createInvoiceRepository(db: Db) {
  return {
    async create({ lines, ...invoice }: NewInvoice): Promise<InvoiceWithLines> {
      try {
        return await db.invoice.create({ data: { ...invoice, lines: { create: lines } }, include: withLines })
      } catch (error) {
        if (isPrismaError(error, UNIQUE_VIOLATION)) throw new InvoiceExistsError(invoice.customerId, invoice.period)
        throw error
      }
    },

    find(customerId: string, period: string): Promise<InvoiceWithLines | null> {
      return db.invoice.findUnique({ where: { customerId_period: { customerId, period } }, include: withLines })
    },

    async exists(customerId: string, period: string): Promise<boolean> {
      return (await db.invoice.count({ where: { customerId, period } })) > 0
    },

    /** One page of a customer's invoices, latest period first, plus one row to tell whether another page follows. */
    listForCustomer(customerId: string, { limit, beforePeriod }: { limit: number; beforePeriod?: string }): Promise<InvoiceWithLines[]> {
      return db.invoice.findMany({
        where: { customerId, period: beforePeriod === undefined ? undefined : { lt: beforePeriod } },
        orderBy: { period: 'desc' },
        include: withLines,
        take: limit + 1
      })
    },

    /** One page over all customers, newest first: what finance works through. */
    list({ period, status, limit, afterId }: InvoiceListQuery): Promise<InvoiceWithLines[]> {
      return db.invoice.findMany({
        where: { period, status, id: afterId === undefined ? undefined : { lt: afterId } },
        orderBy: { id: 'desc' },
        include: withLines,
        take: limit + 1
      })
    },

    /**
     * Applies the change only while the invoice is still open, so two requests racing to pay
     * and to void it cannot both win. Returns the updated invoice, or null if it was not open.
     */
    async updateIfOpen(id: number, data: Prisma.InvoiceUpdateManyMutationInput): Promise<InvoiceWithLines | null> {
      const { count } = await db.invoice.updateMany({ where: { id, status: 'open' }, data })
      return count === 0 ? null : db.invoice.findUniqueOrThrow({ where: { id }, include: withLines })
    }
  }
}
