/**
 * The events billing publishes for other systems (the ledger, dunning, the customer portal).
 * Their payloads are a public contract: add fields, never rename or remove them.
 */
export interface InvoiceIssued {
  type: 'invoice.issued'
  aggregateId: string
  payload: { invoiceId: number; customerId: string; period: string; totalCents: number; dueAt: string; issuedBy: string | null }
}

export interface InvoicePaid {
  type: 'invoice.paid'
  aggregateId: string
  payload: { invoiceId: number; customerId: string; period: string; totalCents: number; paidAt: string; paymentReference: string }
}

export interface InvoiceVoided {
  type: 'invoice.voided'
  aggregateId: string
  payload: { invoiceId: number; customerId: string; period: string; reason: string; voidedAt: string }
}

export interface MeterPriceChanged {
  type: 'meter.price_changed'
  aggregateId: string
  payload: { meter: string; previousUnitPriceCents: number; unitPriceCents: number; changedBy: string | null }
}

export type BillingEvent = InvoiceIssued | InvoicePaid | InvoiceVoided | MeterPriceChanged

export const invoiceAggregateId = (invoiceId: number) => `invoice:${invoiceId}`
export const meterAggregateId = (code: string) => `meter:${code}`
