import fp from 'fastify-plugin'
import { billingPeriod } from '../domain/billing-period.js'
import { InvoiceExistsError, InvoiceNotFoundError, PeriodOpenError, UnknownMeterError } from '../domain/errors.js'
import { Prisma, type Invoice, type InvoiceLine, type Meter, type UsageEvent } from '../generated/prisma/client.js'

export type InvoiceWithLines = Invoice & { lines: InvoiceLine[] }

export interface NewUsage {
  customerId: string
  meter: string
  quantity: number
  occurredAt: Date
}

declare module 'fastify' {
  interface FastifyInstance {
    billingRepository: ReturnType<typeof createBillingRepository>
  }
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code
}

export function createBillingRepository(prisma: Prisma.TransactionClient) {
  return {
    meters(): Promise<Meter[]> {
      return prisma.meter.findMany({ orderBy: { code: 'asc' } })
    },

    async recordUsage({ customerId, meter, quantity, occurredAt }: NewUsage): Promise<UsageEvent> {
      try {
        return await prisma.usageEvent.create({ data: { customerId, meterCode: meter, quantity, occurredAt } })
      } catch (error) {
        if (hasCode(error, 'P2003')) throw new UnknownMeterError(meter)
        throw error
      }
    },

    /** Bills everything the customer used in the period, at today's prices, once. */
    async issueInvoice(customerId: string, period: string, now = new Date()): Promise<InvoiceWithLines> {
      const { start, end } = billingPeriod(period)
      if (end > now) throw new PeriodOpenError(period)
      const [usage, meters] = await Promise.all([
        prisma.usageEvent.groupBy({
          by: ['meterCode'],
          where: { customerId, occurredAt: { gte: start, lt: end } },
          _sum: { quantity: true },
          orderBy: { meterCode: 'asc' }
        }),
        prisma.meter.findMany()
      ])
      const prices = new Map(meters.map((meter) => [meter.code, meter.unitPriceCents]))
      const lines = usage.map((group) => {
        const quantity = group._sum.quantity ?? 0
        const unitPriceCents = prices.get(group.meterCode) ?? 0
        return { meterCode: group.meterCode, quantity, unitPriceCents, amountCents: quantity * unitPriceCents }
      })
      const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0)
      try {
        return await prisma.invoice.create({
          data: { customerId, period, totalCents, lines: { create: lines } },
          include: { lines: { orderBy: { meterCode: 'asc' } } }
        })
      } catch (error) {
        if (hasCode(error, 'P2002')) throw new InvoiceExistsError(customerId, period)
        throw error
      }
    },

    async findInvoice(customerId: string, period: string): Promise<InvoiceWithLines> {
      const invoice = await prisma.invoice.findUnique({
        where: { customerId_period: { customerId, period } },
        include: { lines: { orderBy: { meterCode: 'asc' } } }
      })
      if (!invoice) throw new InvoiceNotFoundError(customerId, period)
      return invoice
    }
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('billingRepository', createBillingRepository(fastify.prisma))
  },
  { name: 'billing-repository', dependencies: ['prisma'] }
)
