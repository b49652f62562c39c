import { isOverdue } from '../domain/invoice-lifecycle.js'
import type { PricedLine } from '../domain/invoice-pricing.js'
import type { InvoiceWithLines } from '../repositories/invoice-repository.js'
import type { InvoiceLineResponse, InvoiceResponse } from '../schemas/invoices.js'

export function toLineResponse({ meterCode, quantity, includedUnits, unitPriceCents, amountCents }: PricedLine): InvoiceLineResponse {
  return { meter: meterCode, quantity, includedUnits, unitPriceCents, amountCents }
}

/** The API's view of an invoice; `overdue` is worked out at the time of the response. */
export function toInvoiceResponse(invoice: InvoiceWithLines, now: Date = new Date()): InvoiceResponse {
  return {
    id: invoice.id,
    customerId: invoice.customerId,
    period: invoice.period,
    status: invoice.status,
    subtotalCents: invoice.subtotalCents,
    taxRatePercent: invoice.taxRatePercent.toString(),
    taxCents: invoice.taxCents,
    totalCents: invoice.totalCents,
    issuedAt: invoice.issuedAt.toISOString(),
    issuedBy: invoice.issuedBy,
    dueAt: invoice.dueAt.toISOString(),
    overdue: isOverdue(invoice.status, invoice.dueAt, now),
    paidAt: invoice.paidAt?.toISOString() ?? null,
    paymentReference: invoice.paymentReference,
    voidedAt: invoice.voidedAt?.toISOString() ?? null,
    voidReason: invoice.voidReason,
    lines: invoice.lines.map(toLineResponse)
  }
}
