import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../src/generated/prisma/client.js'

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

const orders = [
  { customerId: 'cus_ada1815', status: 'shipped', lines: [{ sku: 'SHIRT-LINEN-M', quantity: 1, unitPriceCents: 4900 }] },
  { customerId: 'cus_ada1815', status: 'paid', lines: [{ sku: 'SOCKS-WOOL-3', quantity: 2, unitPriceCents: 1800 }] },
  { customerId: 'cus_grace1906', status: 'pending', lines: [{ sku: 'TOTE-CANVAS', quantity: 1, unitPriceCents: 2500 }] }
] as const

try {
  if ((await prisma.order.count()) === 0) {
    for (const { customerId, status, lines } of orders) {
      const totalCents = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0)
      await prisma.order.create({ data: { customerId, status, totalCents, lines: { create: [...lines] } } })
    }
  }
  console.log(`seeded ${orders.length} orders`)
} finally {
  await prisma.$disconnect()
}
