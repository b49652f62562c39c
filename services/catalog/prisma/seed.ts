import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../src/generated/prisma/client.js'

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

const products = [
  { sku: 'SHIRT-LINEN-M', name: 'Linen shirt, M', category: 'shirts', priceCents: 4900, stock: 12 },
  { sku: 'SHIRT-LINEN-L', name: 'Linen shirt, L', category: 'shirts', priceCents: 4900, stock: 3 },
  { sku: 'SOCKS-WOOL-3', name: 'Wool socks, 3 pairs', category: 'socks', priceCents: 1800, stock: 40 },
  { sku: 'TOTE-CANVAS', name: 'Canvas tote', category: 'bags', priceCents: 2500, stock: 0 }
]

try {
  for (const product of products) {
    await prisma.product.upsert({ where: { sku: product.sku }, update: {}, create: product })
  }
  console.log(`seeded ${products.length} products`)
} finally {
  await prisma.$disconnect()
}
