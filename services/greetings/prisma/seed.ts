import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../src/generated/prisma/client.js'

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

const languages = [
  { code: 'en', formal: 'Good day, {name}.', casual: 'Hi {name}!' },
  { code: 'fr', formal: 'Bonjour, {name}.', casual: 'Salut {name} !' },
  { code: 'de', formal: 'Guten Tag, {name}.', casual: 'Hallo {name}!' },
  { code: 'es', formal: 'Buenos días, {name}.', casual: '¡Hola, {name}!' },
  { code: 'pt-BR', formal: 'Bom dia, {name}.', casual: 'Oi, {name}!' }
]

try {
  for (const language of languages) {
    await prisma.language.upsert({ where: { code: language.code }, update: {}, create: language })
  }
  console.log(`seeded ${languages.length} languages`)
} finally {
  await prisma.$disconnect()
}
