import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../src/generated/prisma/client.js'

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

// A customer with a little usage in each of the last three months (meters come with the migration).
try {
  if ((await prisma.usageEvent.count()) === 0) {
    const now = new Date()
    for (let monthsAgo = 1; monthsAgo <= 3; monthsAgo++) {
      const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 15, 12))
      await prisma.usageEvent.createMany({
        data: [
          { customerId: 'cus_ada1815', meterCode: 'api-requests', quantity: 120 * monthsAgo, occurredAt: day },
          { customerId: 'cus_ada1815', meterCode: 'seats', quantity: 90, occurredAt: day }
        ]
      })
    }
  }
  console.log('seeded usage for cus_ada1815')
} finally {
  await prisma.$disconnect()
}
