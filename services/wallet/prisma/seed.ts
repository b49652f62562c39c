import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../src/generated/prisma/client.js'

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

// Twelve customers, each with a few months of top-ups and spends, written as the service writes
// them: every entry carries the balance after it, and each top-up has its applied provider event.
const customers = Array.from({ length: 12 }, (_, index) => `cus_seed${String(index + 1).padStart(2, '0')}`)

function monthsAgo(months: number, day: number): Date {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day, 10 + (day % 8), 15))
}

try {
  if ((await prisma.wallet.count()) === 0) {
    for (const [index, customerId] of customers.entries()) {
      const currency = index % 4 === 3 ? 'EUR' : 'USD'
      let balance = 0
      const wallet = await prisma.wallet.create({ data: { customerId, currency, createdAt: monthsAgo(5, 1) } })
      for (let month = 4; month >= 1; month--) {
        const amount = 2_500 + ((index * 7 + month * 13) % 10) * 500
        const paymentId = `pay_seed${index}m${month}`
        const eventId = `evt_seed${index}m${month}`
        const at = monthsAgo(month, 2 + index)
        // The provider's usual price: 2.9% of the payment and 30 cents.
        const fee = ((Math.round(amount * 0.029) + 30) / 100).toFixed(2)
        balance += amount
        await prisma.providerEvent.create({
          data: { eventId, type: 'payment.succeeded', paymentId, customerId, amountCents: amount, currency, fee, occurredAt: at, status: 'applied', receivedAt: at, appliedAt: at }
        })
        await prisma.ledgerEntry.create({
          data: { walletId: wallet.id, kind: 'top_up', amountCents: amount, balanceAfterCents: balance, reference: paymentId, eventId, description: `Top-up ${paymentId}`, actor: 'payment-provider', createdAt: at }
        })
        const spend = Math.min(balance, 1_200 + ((index + month) % 6) * 700)
        const orderId = `ord_seed${index}m${month}`
        balance -= spend
        await prisma.ledgerEntry.create({
          data: { walletId: wallet.id, kind: 'spend', amountCents: -spend, balanceAfterCents: balance, reference: orderId, orderId, description: `Order ${orderId}`, actor: 'checkout', createdAt: monthsAgo(month, 12 + index) }
        })
      }
      await prisma.wallet.update({ where: { id: wallet.id }, data: { balanceCents: balance } })
    }
  }
  console.log(`seeded ${customers.length} wallets`)
} finally {
  await prisma.$disconnect()
}
