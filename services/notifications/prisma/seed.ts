import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../src/generated/prisma/client.js'

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

const templates = [
  { key: 'order-shipped', locale: 'en', channel: 'sms', subject: null, body: 'Your order {{order}} is on its way ({{total|money}}). Track it: {{link}}' },
  { key: 'order-shipped', locale: 'de', channel: 'sms', subject: null, body: 'Ihre Bestellung {{order}} ist unterwegs ({{total|money}}). Sendungsverfolgung: {{link}}' },
  { key: 'order-shipped', locale: 'fr', channel: 'sms', subject: null, body: 'Votre commande {{order}} est en route ({{total|money}}). Suivi : {{link}}' },
  { key: 'order-shipped', locale: 'en', channel: 'email', subject: 'Order {{order}} shipped', body: 'Hello {{name}},\n\nyour order {{order}} ({{total|money}}) left our warehouse and arrives by {{arrival|date}}.' },
  { key: 'order-shipped', locale: 'de', channel: 'email', subject: 'Bestellung {{order}} versandt', body: 'Hallo {{name}},\n\nIhre Bestellung {{order}} ({{total|money}}) hat unser Lager verlassen und ist bis {{arrival|date}} bei Ihnen.' },
  { key: 'invoice-due', locale: 'en', channel: 'email', subject: 'Invoice {{invoice}} is due on {{due|date}}', body: 'Hello {{name}},\n\nplease pay {{amount|money}} by {{due|date}}.' },
  { key: 'invoice-due', locale: 'de', channel: 'email', subject: 'Rechnung {{invoice}} fällig am {{due|date}}', body: 'Hallo {{name}},\n\nbitte überweisen Sie {{amount|money}} bis zum {{due|date}}.' },
  { key: 'login-code', locale: 'en', channel: 'sms', subject: null, body: 'Your login code is {{code}}. It expires in 10 minutes.' },
  { key: 'back-in-stock', locale: 'en', channel: 'sms', subject: null, body: 'Good news: {{product}} is back in stock. Order now: {{link}}' },
  { key: 'back-in-stock', locale: 'de', channel: 'sms', subject: null, body: 'Hallo {{name}}, {{product}} ist wieder da. Jetzt bestellen: {{link}}' }
] as const

const deliveries = [
  { templateKey: 'order-shipped', locale: 'de', channel: 'sms', recipient: '+4915112345678', body: 'Ihre Bestellung A-1042 ist unterwegs (1.249,90 €). Sendungsverfolgung: https://t.example/a1042', units: 1, unitPriceCents: 7, costCents: 7 },
  { templateKey: 'invoice-due', locale: 'en', channel: 'email', recipient: 'ana.silva@example.com', subject: 'Invoice 2026-0311 is due on March 31, 2026', body: 'Hello Ana,\n\nplease pay €89.00 by March 31, 2026.', units: 1, unitPriceCents: 0, costCents: 0 },
  { templateKey: 'login-code', locale: 'en', channel: 'sms', recipient: '+447700900123', body: 'Your login code is 482913. It expires in 10 minutes.', units: 1, unitPriceCents: 7, costCents: 7 }
] as const

try {
  for (const { key, locale, channel, ...text } of templates) {
    await prisma.template.upsert({ where: { key_locale_channel: { key, locale, channel } }, create: { key, locale, channel, ...text }, update: {} })
  }
  if ((await prisma.delivery.count()) === 0) await prisma.delivery.createMany({ data: deliveries.map((delivery) => ({ ...delivery, sentAt: new Date('2026-03-04T09:30:00Z') })) })
  console.log(`seeded ${templates.length} templates and ${deliveries.length} deliveries`)
} finally {
  await prisma.$disconnect()
}
