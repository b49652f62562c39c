export const INVOICE_STATUSES = ['open', 'paid', 'void'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

const DAY_MS = 24 * 60 * 60 * 1000

export type InvoiceAction = 'paid' | 'voided'

/** The statuses each action starts from: only an open invoice can be paid or voided, and both are final. */
const ALLOWED_FROM: Record<InvoiceAction, readonly InvoiceStatus[]> = { paid: ['open'], voided: ['open'] }

export function canTransition(status: InvoiceStatus, action: InvoiceAction): boolean {
  return ALLOWED_FROM[action].includes(status)
}

/** Payment terms run from the day the invoice is issued, not from the end of the period. */
export function dueDate(issuedAt: Date, paymentTermsDays: number): Date {
  return new Date(issuedAt.getTime() + paymentTermsDays * DAY_MS)
}

/** An open invoice past its due date; paid and voided invoices are never overdue. */
export function isOverdue(status: InvoiceStatus, dueAt: Date, now: Date): boolean {
  return status === 'open' && dueAt < now
}
