import { PrismaPg } from '@prisma/adapter-pg'
import { BillingPeriod } from '../src/domain/billing-period.js'
import { dueDate } from '../src/domain/invoice-lifecycle.js'
import { priceUsage, type MeterTerms, type PricedLine } from '../src/domain/invoice-pricing.js'
import { TaxRate } from '../src/domain/tax-rate.js'
import { PrismaClient, type Prisma } from '../src/generated/prisma/client.js'

// Development data: thirty customers with six months of usage, the older months invoiced.
// Everything comes from one seeded generator, so every run produces the same rows
// (relative to the current month).

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

/** mulberry32: small, fast and good enough for fixtures. */
function generator(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T
  return { next, int, pick }
}

const random = generator(20260120)

const COMPANIES = [
  'Northwind Traders', 'Bluefin Analytics', 'Kestrel Logistics', 'Harbor & Pine', 'Lumen Health', 'Quarry Labs', 'Tessellate',
  'Orchard Foods', 'Vantage Mobility', 'Copperleaf Energy', 'Driftwood Media', 'Ironbark Security', 'Meridian Travel', 'Solace Insurance',
  'Brightwater Schools', 'Fjord Robotics', 'Granite Payroll', 'Juniper Retail', 'Nimbus Weather', 'Papertrail Legal', 'Redwood Clinics',
  'Saltmarsh Studios', 'Tidewater Freight', 'Umber Architects', 'Velvet Audio', 'Willow Pharmacy', 'Yardstick HR', 'Zephyr Airlines',
  'Atlas Bikes', 'Cobalt Fintech'
] as const

const EXTRA_METERS = [
  { code: 'egress-gb', name: 'Data transfer out, per GB', unitPriceCents: 9 },
  { code: 'build-minutes', name: 'CI build minutes', unitPriceCents: 1 },
  { code: 'sms-messages', name: 'SMS messages sent', unitPriceCents: 4, includedUnits: 250 }
]

/** Typical monthly volume per meter, so amounts look like real bills. */
const VOLUME: Record<string, [number, number]> = {
  'api-requests': [200, 9_000],
  'storage-gb-days': [300, 15_000],
  seats: [60, 1_500],
  'egress-gb': [20, 2_400],
  'build-minutes': [500, 40_000],
  'sms-messages': [100, 6_000]
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
const customerId = () => `cus_${Array.from({ length: 10 }, () => random.pick([...ALPHABET])).join('')}`

/** A random instant inside the period, never in the future. */
function instantIn(period: BillingPeriod, now: Date): Date {
  const end = Math.min(period.end.getTime(), now.getTime())
  return new Date(period.start.getTime() + Math.floor(random.next() * (end - period.start.getTime())))
}

try {
  if ((await prisma.usageEvent.count()) > 0) {
    console.log('usage exists already; nothing seeded')
  } else {
    const now = new Date()
    await prisma.meter.createMany({ data: EXTRA_METERS.map((meter) => ({ ...meter, updatedBy: 'seed' })), skipDuplicates: true })
    const meters = await prisma.meter.findMany()
    const current = BillingPeriod.containing(now)
    const periods = Array.from({ length: 6 }, (_, index) => {
      let period = current
      for (let i = 0; i < index; i++) period = period.previous()
      return period
    })

    const usage: Prisma.UsageEventCreateManyInput[] = []
    const customers = COMPANIES.map((company) => ({ company, id: customerId(), meters: Object.keys(VOLUME).filter(() => random.next() < 0.55) }))
    for (const customer of customers) {
      if (customer.meters.length === 0) customer.meters.push('seats')
      for (const period of periods) {
        for (const meter of customer.meters) {
          const [low, high] = VOLUME[meter] ?? [1, 100]
          const reports = random.int(1, 4)
          for (let i = 0; i < reports; i++) {
            const occurredAt = instantIn(period, now)
            usage.push({
              customerId: customer.id,
              meterCode: meter,
              quantity: Math.max(1, Math.round(random.int(low, high) / reports)),
              occurredAt,
              period: BillingPeriod.containing(occurredAt).label,
              idempotencyKey: `${meter}-${occurredAt.getTime().toString(36)}-${i}`,
              recordedAt: new Date(occurredAt.getTime() + random.int(1, 900) * 1000),
              recordedBy: random.pick(['metering-pipeline', 'metering-pipeline', 'storage-reporter', 'backfill'])
            })
          }
        }
      }
    }
    await prisma.usageEvent.createMany({ data: usage })

    // About half the customers pay a sales tax, at the rates of the states they are in.
    const taxRates = new Map<string, TaxRate>()
    for (const customer of customers) {
      if (random.next() < 0.5) taxRates.set(customer.id, TaxRate.parse(random.pick(['4', '6.25', '7.25', '8.875', '9.5', '10.25'])))
    }
    await prisma.customerTaxRate.createMany({ data: [...taxRates].map(([customerId, rate]) => ({ customerId, ratePercent: rate.toString(), updatedBy: 'seed' })) })

    // A few customers negotiated a meter: seats at a discount, or SMS without the free allowance.
    const contracts: Prisma.ContractTermsCreateManyInput[] = []
    for (const customer of customers) {
      if (random.next() < 0.15) contracts.push({ customerId: customer.id, meterCode: 'seats', unitPriceCents: random.pick([20, 24, 25]), includedUnits: null, updatedBy: 'seed' })
      if (random.next() < 0.1) contracts.push({ customerId: customer.id, meterCode: 'sms-messages', unitPriceCents: 3, includedUnits: 0, updatedBy: 'seed' })
    }
    await prisma.contractTerms.createMany({ data: contracts })
    const termsOf = (customerId: string) =>
      new Map<string, MeterTerms>(
        meters.map((meter) => {
          const contract = contracts.find((terms) => terms.customerId === customerId && terms.meterCode === meter.code)
          return [meter.code, { unitPriceCents: contract?.unitPriceCents ?? meter.unitPriceCents, includedUnits: contract?.includedUnits ?? meter.includedUnits }]
        })
      )

    // The four oldest periods are invoiced, oldest first: the oldest mostly paid, the latest mostly open.
    const invoices: (Prisma.InvoiceCreateManyInput & { lines: PricedLine[] })[] = []
    for (const [age, period] of periods.slice(2).reverse().entries()) {
      for (const customer of customers) {
        const totals = new Map<string, number>()
        for (const event of usage) {
          if (event.customerId === customer.id && event.period === period.label) totals.set(event.meterCode, (totals.get(event.meterCode) ?? 0) + event.quantity)
        }
        const { lines, subtotalCents, taxRate, taxCents, totalCents } = priceUsage(
          [...totals].map(([meterCode, quantity]) => ({ meterCode, quantity })),
          termsOf(customer.id),
          taxRates.get(customer.id)
        )
        const issuedAt = new Date(period.end.getTime() + random.int(1, 72) * 3_600_000)
        const roll = random.next()
        const status = roll < 0.04 ? 'void' : roll < 0.95 - age * 0.2 ? 'paid' : 'open'
        invoices.push({
          customerId: customer.id,
          period: period.label,
          subtotalCents,
          taxRatePercent: taxRate.toString(),
          taxCents,
          totalCents,
          issuedAt,
          issuedBy: 'finance',
          dueAt: dueDate(issuedAt, 30),
          status,
          paidAt: status === 'paid' ? new Date(Math.min(now.getTime(), issuedAt.getTime() + random.int(2, 29) * 86_400_000)) : null,
          paymentReference: status === 'paid' ? `PAY-${period.label.replace('-', '')}-${random.int(100_000, 999_999)}` : null,
          voidedAt: status === 'void' ? new Date(issuedAt.getTime() + 86_400_000) : null,
          voidReason: status === 'void' ? 'Duplicate account, billed under the parent company' : null,
          lines
        })
      }
    }
    const created = await prisma.invoice.createManyAndReturn({
      data: invoices.map(({ lines: _lines, ...invoice }) => invoice),
      select: { id: true, customerId: true, period: true }
    })
    const idOf = new Map(created.map((invoice) => [`${invoice.customerId}/${invoice.period}`, invoice.id]))
    await prisma.invoiceLine.createMany({
      data: invoices.flatMap((invoice) => invoice.lines.map((line) => ({ ...line, invoiceId: idOf.get(`${invoice.customerId}/${invoice.period}`) ?? 0 })))
    })
    console.log(`seeded ${customers.length} customers, ${usage.length} usage events and ${invoices.length} invoices`)
  }
} finally {
  await prisma.$disconnect()
}
