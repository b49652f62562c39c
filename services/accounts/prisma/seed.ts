import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../src/generated/prisma/client.js'

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

const people = [
  { email: 'ada@example.com', displayName: 'Ada Lovelace' },
  { email: 'grace@example.com', displayName: 'Grace Hopper' },
  { email: 'linus@example.com', displayName: 'Linus Torvalds' }
]

try {
  for (const person of people) {
    await prisma.account.upsert({ where: { email: person.email }, update: {}, create: person })
  }
  console.log(`seeded ${people.length} accounts`)
} finally {
  await prisma.$disconnect()
}
