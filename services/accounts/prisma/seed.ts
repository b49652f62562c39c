// Deterministic demo data: the same 400 accounts, with their history, on every run.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient, type Prisma } from '../src/generated/prisma/client.js'

const ACCOUNTS = 400

/** mulberry32: a small seeded generator, so every database gets the same data. */
function seededRandom(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (probability: number) => next() < probability,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('')
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    }
  }
}

const FIRST_NAMES = ['Ada', 'Amara', 'Aiko', 'Alejandro', 'Anika', 'Bilal', 'Camille', 'Chen', 'Dmitri', 'Elif', 'Emeka', 'Farah', 'Finn', 'Grace', 'Hamid', 'Hana', 'Ingrid', 'Jamal', 'Joon', 'Keira', 'Laila', 'Lars', 'Lucía', 'Malik', 'Maren', 'Mateo', 'Mei', 'Nadia', 'Nikhil', 'Noor', 'Olu', 'Oskar', 'Paloma', 'Priya', 'Rafael', 'Rosa', 'Sade', 'Sofia', 'Tariq', 'Thea', 'Tomás', 'Uma', 'Vera', 'Wanjiru', 'Wei', 'Yara', 'Yusuf', 'Zeynep']
const LAST_NAMES = ['Abebe', 'Andersen', 'Baptiste', 'Becker', 'Castillo', 'Chowdhury', 'Costa', 'Dubois', 'Eriksen', 'Fernández', 'Fischer', 'Gallagher', 'Haddad', 'Hoang', 'Ibrahim', 'Jansen', 'Kaur', 'Kim', 'Kowalski', 'Larsen', 'Lindqvist', 'Moreau', 'Müller', 'Nakamura', 'Novak', 'Okafor', 'Oliveira', 'Park', 'Petrov', 'Rahman', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Tanaka', 'Torres', 'Van Dijk', 'Virtanen', 'Wagner', 'Walsh', 'Yilmaz', 'Zhang', 'Zielinski']
const DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'proton.me', 'icloud.com', 'fastmail.fm', 'gmx.de', 'orange.fr', 'libero.it', 'northwind.io', 'contoso.org', 'globex.net', 'initech.co']
/** Locale and time zone go together, as they do for real customers. */
const REGIONS = [
  { locale: 'en-GB', timeZone: 'Europe/London', dialling: '+447' },
  { locale: 'en-US', timeZone: 'America/New_York', dialling: '+1212' },
  { locale: 'en-US', timeZone: 'America/Denver', dialling: '+1720' },
  { locale: 'de-DE', timeZone: 'Europe/Berlin', dialling: '+4915' },
  { locale: 'fr-FR', timeZone: 'Europe/Paris', dialling: '+336' },
  { locale: 'pt-PT', timeZone: 'Europe/Lisbon', dialling: '+3519' },
  { locale: 'pt-BR', timeZone: 'America/Sao_Paulo', dialling: '+55119' },
  { locale: 'es-CO', timeZone: 'America/Bogota', dialling: '+573' },
  { locale: 'ja-JP', timeZone: 'Asia/Tokyo', dialling: '+8190' },
  { locale: 'ko-KR', timeZone: 'Asia/Seoul', dialling: '+8210' },
  { locale: 'en-KE', timeZone: 'Africa/Nairobi', dialling: '+2547' },
  { locale: 'en-IN', timeZone: 'Asia/Kolkata', dialling: '+919' }
]
const CLIENTS = ['signup-web', 'signup-web', 'signup-web', 'mobile-app', 'mobile-app', 'partner-import']
const SUSPENSION_REASONS = ['Chargeback opened on two orders', 'Card testing from this account', 'Reported for abusive messages', 'Identity check pending']

const slug = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '')

function buildData() {
  const random = seededRandom(20260512)
  const start = Date.UTC(2025, 0, 6)
  const span = Date.UTC(2026, 4, 1) - start
  const emails = new Set<string>()
  const accounts: Prisma.AccountCreateManyInput[] = []
  const history: Prisma.AccountEventCreateManyInput[] = []

  while (accounts.length < ACCOUNTS) {
    const first = random.pick(FIRST_NAMES)
    const last = random.pick(LAST_NAMES)
    const local = random.pick([`${slug(first)}.${slug(last)}`, `${slug(first)}${slug(last).slice(0, 1)}`, `${slug(first)}_${slug(last)}${random.int(1, 99)}`])
    const email = `${local}@${random.pick(DOMAINS)}`
    if (emails.has(email)) continue
    emails.add(email)

    const createdAt = new Date(start + Math.floor(random.next() * span))
    const createdBy = random.pick(CLIENTS)
    const { dialling, ...region } = random.pick(REGIONS)
    const phone = random.chance(0.55) ? `${dialling}${Array.from({ length: 12 - dialling.length + 1 }, () => random.int(0, 9)).join('')}` : null
    const suspended = random.chance(0.04)
    const edited = random.chance(0.3)
    const updatedAt = edited || suspended ? new Date(createdAt.getTime() + random.int(1, 90) * 86_400_000) : createdAt
    const id = random.uuid()
    const reason = suspended ? random.pick(SUSPENSION_REASONS) : null

    accounts.push({
      id,
      email,
      displayName: `${first} ${last}`,
      ...region,
      marketingOptIn: random.chance(0.35),
      phone,
      status: suspended ? 'suspended' : 'active',
      suspendedAt: suspended ? updatedAt : null,
      suspensionReason: reason,
      createdBy,
      updatedBy: suspended ? 'support-console' : createdBy,
      createdAt,
      updatedAt
    })
    history.push({ accountId: id, type: 'account.created', actor: createdBy, occurredAt: createdAt })
    if (edited) history.push({ accountId: id, type: 'account.updated', actor: createdBy, changedFields: [random.pick(['displayName', 'timeZone', 'marketingOptIn'])], occurredAt: updatedAt })
    if (suspended) history.push({ accountId: id, type: 'account.suspended', actor: 'support-console', changedFields: ['status'], reason, occurredAt: updatedAt })
  }
  // About one customer in five followed an invitation from an earlier one; a few of those
  // referrers have since erased their account (the referral stays, the account does not).
  const byAge = [...accounts].sort((a, b) => new Date(a.createdAt ?? 0).getTime() - new Date(b.createdAt ?? 0).getTime())
  byAge.forEach((account, index) => {
    if (index < 10 || !random.chance(0.2)) return
    account.referredBy = random.chance(0.1) ? random.uuid() : byAge[random.int(0, index - 1)]!.id
  })
  history.sort((a, b) => new Date(a.occurredAt ?? 0).getTime() - new Date(b.occurredAt ?? 0).getTime())
  return { accounts, history }
}

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

try {
  if ((await prisma.account.count()) > 0) {
    console.log('accounts already present: seed skipped')
  } else {
    const { accounts, history } = buildData()
    await prisma.$transaction([prisma.account.createMany({ data: accounts }), prisma.accountEvent.createMany({ data: history })])
    console.log(`seeded ${accounts.length} accounts and ${history.length} history entries`)
  }
} finally {
  await prisma.$disconnect()
}
