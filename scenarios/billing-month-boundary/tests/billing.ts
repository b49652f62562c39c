import { expectStatus, random, service } from '@debug-drills/drill-kit'

export interface Invoice {
  id: number
  customerId: string
  period: string
  totalCents: number
  lines: { meter: string; quantity: number; unitPriceCents: number; amountCents: number }[]
}

export const METERS = ['api-requests', 'storage-gb-days', 'seats'] as const

export function newCustomer(): string {
  return `cus_${random.word()}${random.int(100_000, 999_999)}`
}

/** A closed month at random, as "YYYY-MM" with its UTC year and month (1-12). */
export function randomPeriod(): { period: string; year: number; month: number } {
  const year = random.int(2023, 2025)
  const month = random.int(1, 12)
  return { period: `${year}-${String(month).padStart(2, '0')}`, year, month }
}

export function periodOf(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month - 1, 1))
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`
}

/** An instant in UTC; `month` may be 13 (January of the next year). */
export function utc(year: number, month: number, day: number, hour: number, minute = random.int(0, 59)): string {
  return new Date(Date.UTC(year, month - 1, day, hour, minute)).toISOString()
}

export async function recordUsage(customerId: string, meter: string, quantity: number, occurredAt: string): Promise<void> {
  expectStatus(await service.post('/usage', { customerId, meter, quantity, occurredAt }), 201, `recording ${quantity} ${meter} at ${occurredAt}`)
}

export async function issueInvoice(customerId: string, period: string): Promise<Invoice> {
  const response = await service.post<Invoice>(`/customers/${customerId}/invoices`, { period })
  expectStatus(response, 201, `issuing the ${period} invoice of ${customerId}`)
  return response.body
}

export function quantityOf(invoice: Invoice, meter: string): number {
  return invoice.lines.find((line) => line.meter === meter)?.quantity ?? 0
}
