import { invoiceAggregateId, type BillingEvent } from '../domain/billing-events.js'
import { BillingPeriod } from '../domain/billing-period.js'
import { InvoiceExistsError, InvoiceNotFoundError, InvoiceTransitionError, PeriodOpenError } from '../domain/errors.js'
import { canTransition, dueDate, type InvoiceAction, type InvoiceStatus } from '../domain/invoice-lifecycle.js'
import { priceUsage } from '../domain/invoice-pricing.js'
import { decodeCursor, toPage, type Page } from '../domain/page-cursor.js'
import type { Prisma } from '../generated/prisma/client.js'
import { cached } from '../lib/ttl-cache.js'
import { lockCustomerPeriod, type TransactionRunner } from '../repositories/database.js'
import { createInvoiceRepository, type InvoiceRepository, type InvoiceWithLines } from '../repositories/invoice-repository.js'
import { createMeterRepository } from '../repositories/meter-repository.js'
import { createOutboxRepository } from '../repositories/outbox-repository.js'
import { createTaxRateRepository } from '../repositories/tax-rate-repository.js'
import { createUsageRepository } from '../repositories/usage-repository.js'
import { customerPeriodKey, type BillingCaches } from './billing-caches.js'

export interface InvoiceServiceDeps {
  invoices: InvoiceRepository
  transaction: TransactionRunner
  caches: BillingCaches
  paymentTermsDays: number
  now?: () => Date
}

export interface Payment {
  reference: string
  paidAt?: Date
}

interface PeriodPosition extends Record<string, string> {
  period: string
}

interface IdPosition extends Record<string, number> {
  id: number
}

const isPeriodPosition = (value: Record<string, unknown>): value is PeriodPosition => typeof value.period === 'string'
const isIdPosition = (value: Record<string, unknown>): value is IdPosition => Number.isInteger(value.id)

export type InvoiceService = ReturnType<typeof createInvoiceService>

export function createInvoiceService({ invoices, transaction, caches, paymentTermsDays, now = () => new Date() }: InvoiceServiceDeps) {
  async function getInvoice(customerId: string, period: string): Promise<InvoiceWithLines> {
    const invoice = await invoices.find(customerId, period)
    if (!invoice) throw new InvoiceNotFoundError(customerId, period)
    return invoice
  }

  /** Moves an open invoice on and tells other systems, in one transaction. */
  async function transition(
    customerId: string,
    periodLabel: string,
    action: InvoiceAction,
    data: Prisma.InvoiceUpdateManyMutationInput,
    eventFor: (invoice: InvoiceWithLines) => BillingEvent
  ): Promise<InvoiceWithLines> {
    const period = BillingPeriod.parse(periodLabel).label
    const updated = await transaction(async (db) => {
      const repository = createInvoiceRepository(db)
      const invoice = await repository.find(customerId, period)
      if (!invoice) throw new InvoiceNotFoundError(customerId, period)
      if (!canTransition(invoice.status, action)) throw new InvoiceTransitionError(customerId, period, invoice.status, action)
      // Another request may have paid or voided it since we read it.
      const result = await repository.updateIfOpen(invoice.id, data)
      if (!result) throw new InvoiceTransitionError(customerId, period, 'no longer open', action)
      await createOutboxRepository(db).enqueue(eventFor(result))
      return result
    })
    caches.invoices.delete(customerPeriodKey(customerId, period))
    return updated
  }

  return {
    /**
     * Bills everything the customer used in an ended period, on the customer's terms (today's
     * list prices where its contract sets none) and at its tax rate, once. The
     * totals, the invoice and its event are written in one transaction, under the period's lock,
     * so usage recorded at the same moment is either on this invoice or refused.
     */
    async issue(customerId: string, periodLabel: string, issuedBy: string | null): Promise<InvoiceWithLines> {
      const period = BillingPeriod.parse(periodLabel)
      const issuedAt = now()
      if (!period.hasEnded(issuedAt)) throw new PeriodOpenError(period.label)
      const invoice = await transaction(async (db) => {
        await lockCustomerPeriod(db, customerId, period.label)
        const repository = createInvoiceRepository(db)
        if (await repository.exists(customerId, period.label)) throw new InvoiceExistsError(customerId, period.label)
        const [usage, prices, tax] = await Promise.all([
          createUsageRepository(db).totalsByMeter(customerId, period.label),
          createMeterRepository(db).termsFor(customerId),
          createTaxRateRepository(db).find(customerId)
        ])
        const { lines, subtotalCents, taxRate, taxCents, totalCents } = priceUsage(usage, prices, tax.rate)
        const created = await repository.create({
          customerId,
          period: period.label,
          lines,
          subtotalCents,
          taxRatePercent: taxRate.toString(),
          taxCents,
          totalCents,
          issuedAt,
          issuedBy,
          dueAt: dueDate(issuedAt, paymentTermsDays)
        })
        await createOutboxRepository(db).enqueue({
          type: 'invoice.issued',
          aggregateId: invoiceAggregateId(created.id),
          payload: { invoiceId: created.id, customerId, period: created.period, totalCents, dueAt: created.dueAt.toISOString(), issuedBy }
        })
        return created
      })
      caches.usageSummaries.delete(customerPeriodKey(customerId, period.label))
      return invoice
    },

    get(customerId: string, periodLabel: string): Promise<InvoiceWithLines> {
      const period = BillingPeriod.parse(periodLabel).label
      return cached(caches.invoices, customerPeriodKey(customerId, period), () => getInvoice(customerId, period))
    },

    async listForCustomer(customerId: string, { limit, cursor }: { limit: number; cursor?: string }): Promise<Page<InvoiceWithLines>> {
      const after = cursor === undefined ? undefined : decodeCursor(cursor, isPeriodPosition)
      const rows = await invoices.listForCustomer(customerId, { limit, beforePeriod: after?.period })
      return toPage(rows, limit, (row) => row, (row) => ({ period: row.period }))
    },

    async list({ period, status, limit, cursor }: { period?: string; status?: InvoiceStatus; limit: number; cursor?: string }): Promise<Page<InvoiceWithLines>> {
      const after = cursor === undefined ? undefined : decodeCursor(cursor, isIdPosition)
      const rows = await invoices.list({ period, status, limit, afterId: after?.id })
      return toPage(rows, limit, (row) => row, (row) => ({ id: row.id }))
    },

    pay(customerId: string, period: string, { reference, paidAt = now() }: Payment): Promise<InvoiceWithLines> {
      return transition(customerId, period, 'paid', { status: 'paid', paidAt, paymentReference: reference }, (invoice) => ({
        type: 'invoice.paid',
        aggregateId: invoiceAggregateId(invoice.id),
        payload: { invoiceId: invoice.id, customerId, period: invoice.period, totalCents: invoice.totalCents, paidAt: paidAt.toISOString(), paymentReference: reference }
      }))
    },

    void(customerId: string, period: string, reason: string): Promise<InvoiceWithLines> {
      const voidedAt = now()
      return transition(customerId, period, 'voided', { status: 'void', voidedAt, voidReason: reason }, (invoice) => ({
        type: 'invoice.voided',
        aggregateId: invoiceAggregateId(invoice.id),
        payload: { invoiceId: invoice.id, customerId, period: invoice.period, reason, voidedAt: voidedAt.toISOString() }
      }))
    }
  }
}
