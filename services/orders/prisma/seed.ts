/**
 * Realistic orders for `drill run` and `npm run db:seed`: about 400 orders of 60 customers over
 * the half year before SEED_UNTIL, with their audit trail and webhook events. Generated from a
 * fixed seed, so every run (and every trainee) gets the same data; does nothing on a database
 * that already has orders.
 */
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient, type OrderStatus, type Prisma } from '../src/generated/prisma/client.js'

const ORDER_COUNT = 420
const CUSTOMER_COUNT = 60
const SEED_UNTIL = new Date('2026-11-20T17:45:00Z')
const DAYS = 183
/** Orders before this were placed before API clients were recorded: `placedBy` is null. */
const CLIENTS_RECORDED_FROM = new Date('2026-06-15T00:00:00Z')

const CATALOGUE: readonly { sku: string; unitPriceCents: number }[] = [
  { sku: 'MUG-STONE-BL', unitPriceCents: 1850 },
  { sku: 'MUG-STONE-NAT', unitPriceCents: 1850 },
  { sku: 'TEAPOT-CAST-IRON', unitPriceCents: 5400 },
  { sku: 'TEA-EARL-GREY-250', unitPriceCents: 899 },
  { sku: 'TEA-SENCHA-100', unitPriceCents: 1290 },
  { sku: 'COFFEE-ETHIOPIA-1KG', unitPriceCents: 3450 },
  { sku: 'GRINDER-BURR-HAND', unitPriceCents: 7900 },
  { sku: 'KETTLE-ENAMEL-RD', unitPriceCents: 4600 },
  { sku: 'TOTE-CANVAS-NAT', unitPriceCents: 2500 },
  { sku: 'APRON-LINEN-GR', unitPriceCents: 3200 },
  { sku: 'NAPKIN-LINEN-4', unitPriceCents: 2800 },
  { sku: 'BOARD-OAK-L', unitPriceCents: 6900 },
  { sku: 'BOARD-OAK-S', unitPriceCents: 3900 },
  { sku: 'KNIFE-CHEF-210', unitPriceCents: 12900 },
  { sku: 'BOWL-ASH-M', unitPriceCents: 2200 },
  { sku: 'PLATE-STONE-26', unitPriceCents: 1600 },
  { sku: 'GLASS-TUMBLER-6', unitPriceCents: 3600 },
  { sku: 'CANDLE-BEESWAX-2', unitPriceCents: 1450 },
  { sku: 'VASE-CLAY-TALL', unitPriceCents: 4800 },
  { sku: 'THROW-WOOL-GR', unitPriceCents: 8900 },
  { sku: 'CUSHION-LINEN-45', unitPriceCents: 3900 },
  { sku: 'RUG-JUTE-120', unitPriceCents: 14900 },
  { sku: 'LAMP-BRASS-DESK', unitPriceCents: 11900 },
  { sku: 'SOCKS-WOOL-3', unitPriceCents: 1800 },
  { sku: 'SHIRT-LINEN-M', unitPriceCents: 4900 },
  { sku: 'SHIRT-LINEN-L', unitPriceCents: 4900 },
  { sku: 'SCARF-MERINO-BL', unitPriceCents: 5500 },
  { sku: 'NOTEBOOK-A5-DOT', unitPriceCents: 1250 },
  { sku: 'PEN-BRASS-BALL', unitPriceCents: 2900 },
  { sku: 'SOAP-OLIVE-3', unitPriceCents: 1100 }
]

/** The catalogue's limited pieces and what is left of them; the other SKUs are made to order. */
const STOCK: readonly { sku: string; available: number }[] = [
  { sku: 'TEAPOT-CAST-IRON', available: 4 },
  { sku: 'KNIFE-CHEF-210', available: 7 },
  { sku: 'LAMP-BRASS-DESK', available: 2 },
  { sku: 'RUG-JUTE-120', available: 1 },
  { sku: 'VASE-CLAY-TALL', available: 12 },
  { sku: 'THROW-WOOL-GR', available: 0 }
]

const CANCEL_REASONS = ['Customer changed their mind', 'Payment declined', 'Out of stock', 'Duplicate order', 'Address undeliverable'] as const

const CLIENTS = ['storefront', 'storefront', 'storefront', 'mobile-app', 'mobile-app', 'support-tool'] as const

/** mulberry32: small, fast and good enough to make believable data from one number. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  return { next, int, pick, chance: (p: number) => next() < p }
}

const random = generator(20_261_120)
const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const hours = (n: number) => n * 3_600_000
const hex = (digits: number) => random.int(0, 16 ** digits - 1).toString(16).padStart(digits, '0')

const customers = Array.from({ length: CUSTOMER_COUNT }, () => `cus_${Array.from({ length: 14 }, () => random.pick([...ID_CHARACTERS])).join('')}`)
// A few regulars place most orders, as in any shop.
const weightedCustomers = customers.flatMap((customer, index) => Array.from({ length: index < 12 ? 6 : 1 }, () => customer))

/** The statuses an order went through, by its age: old orders are settled, new ones still moving. */
function historyFor(ageDays: number): OrderStatus[] {
  if (random.chance(0.06)) return random.chance(0.5) ? ['pending', 'cancelled'] : ['pending', 'paid', 'cancelled']
  if (ageDays > 10) return random.chance(0.97) ? ['pending', 'paid', 'shipped'] : ['pending', 'paid']
  if (ageDays > 3) return random.pick([['pending', 'paid'], ['pending', 'paid', 'shipped']] as OrderStatus[][])
  return random.pick([['pending'], ['pending'], ['pending', 'paid']] as OrderStatus[][])
}

interface PlannedOrder {
  customerId: string
  createdAt: Date
  statuses: { status: OrderStatus; at: Date; reason?: string }[]
  lines: { sku: string; quantity: number; unitPriceCents: number }[]
  placedBy: string | null
  idempotencyKey: string | null
  archivedAt: Date | null
}

function planOrder(createdAt: Date): PlannedOrder {
  const ageDays = (SEED_UNTIL.getTime() - createdAt.getTime()) / hours(24)
  const statuses: PlannedOrder['statuses'] = []
  let at = createdAt
  for (const status of historyFor(ageDays)) {
    statuses.push(status === 'cancelled' ? { status, at, reason: random.pick(CANCEL_REASONS) } : { status, at })
    at = new Date(Math.min(at.getTime() + hours(random.int(1, 60)), SEED_UNTIL.getTime()))
  }
  const skus = new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(CATALOGUE)))
  const placedBy = createdAt < CLIENTS_RECORDED_FROM ? null : random.pick(CLIENTS)
  return {
    customerId: random.pick(weightedCustomers),
    createdAt,
    statuses,
    lines: [...skus].map(({ sku, unitPriceCents }) => ({ sku, quantity: random.chance(0.75) ? 1 : random.int(2, 4), unitPriceCents })),
    placedBy,
    idempotencyKey: placedBy && placedBy !== 'support-tool' ? `checkout-${hex(6)}${hex(6)}` : null,
    archivedAt: ageDays > 60 && random.chance(0.03) ? new Date(createdAt.getTime() + hours(24 * random.int(20, 50))) : null
  }
}

// The shop grows, so recent days have more orders. Ids grow with time, as they would have in
// production: plan in date order.
const planned = Array.from({ length: ORDER_COUNT }, () => new Date(SEED_UNTIL.getTime() - Math.floor(random.next() ** 1.6 * hours(24 * DAYS))))
  .sort((a, b) => a.getTime() - b.getTime())
  .map(planOrder)

function eventsFor(order: PlannedOrder & { id: number; totalCents: number }): Prisma.OutboxEventCreateManyInput[] {
  return order.statuses.map(({ status, at, reason }, index) => {
    const previousStatus = order.statuses[index - 1]?.status
    const type = index === 0 ? 'order.placed' : 'order.status_changed'
    const payload = {
      type,
      occurredAt: at.toISOString(),
      order: { id: order.id, customerId: order.customerId, status, totalCents: order.totalCents },
      ...(previousStatus && { previousStatus }),
      ...(reason && { reason }),
      actor: index === 0 ? order.placedBy : 'fulfilment'
    }
    // The partner was reachable until the last hours before the seed date.
    const delivered = at.getTime() < SEED_UNTIL.getTime() - hours(6)
    return { type, orderId: order.id, payload, attempts: delivered ? 1 : 0, nextAttemptAt: at, deliveredAt: delivered ? new Date(at.getTime() + 900) : null, createdAt: at }
  })
}

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

try {
  if ((await prisma.order.count()) > 0) {
    console.log('orders already present: seed skipped')
  } else {
    // All or nothing, so a failed seed can simply be run again; generous timeout for slow CI disks.
    await prisma.$transaction(async (tx) => {
      const created = await tx.order.createManyAndReturn({
        data: planned.map(({ customerId, createdAt, statuses, lines, placedBy, idempotencyKey, archivedAt }) => ({
          customerId,
          status: statuses.at(-1)!.status,
          totalCents: lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
          placedBy,
          idempotencyKey,
          archivedAt,
          createdAt,
          updatedAt: archivedAt ?? statuses.at(-1)!.at
        })),
        select: { id: true, totalCents: true }
      })
      // One INSERT numbers its rows in the order given, which is the order planned.
      created.sort((a, b) => a.id - b.id)
      const orders = planned.map((order, index) => ({ ...order, ...created[index]! }))
      await tx.orderLine.createMany({ data: orders.flatMap((order) => order.lines.map((line) => ({ orderId: order.id, ...line }))) })
      await tx.orderStatusChange.createMany({
        data: orders.flatMap((order) =>
          order.statuses.map(({ status, at, reason }, index) => ({
            orderId: order.id,
            fromStatus: order.statuses[index - 1]?.status ?? null,
            toStatus: status,
            changedBy: index === 0 ? order.placedBy : 'fulfilment',
            reason,
            changedAt: at
          }))
        )
      })
      await tx.outboxEvent.createMany({ data: orders.flatMap(eventsFor) })
      await tx.stockLevel.createMany({ data: [...STOCK] })
    }, { timeout: 60_000 })
    console.log(`seeded ${planned.length} orders of ${customers.length} customers, and the stock of ${STOCK.length} limited SKUs`)
  }
} finally {
  await prisma.$disconnect()
}
