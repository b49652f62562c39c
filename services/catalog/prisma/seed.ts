// Demo data for `npm run db:seed` and `drill run`: a storefront of a few hundred products with
// their stock and price history. Generated from a fixed seed, so every run builds the same shop.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient, type StockMovementReason } from '../src/generated/prisma/client.js'

const PRODUCT_COUNT = 360
const SEED = 20260402

/** mulberry32: small, fast and good enough to make demo data repeatable. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)]!
  return { next, int, pick, chance: (p: number) => next() < p }
}

const random = generator(SEED)

const RANGES = [
  { kind: 'bags', prefix: 'TOTE', price: [2900, 18900], materials: ['Canvas', 'Waxed canvas', 'Leather', 'Recycled nylon'], nouns: ['tote', 'backpack', 'weekender', 'crossbody bag', 'laptop sleeve'] },
  { kind: 'textiles', prefix: 'BLNK', price: [1400, 12900], materials: ['Linen', 'Merino', 'Organic cotton', 'Quilted'], nouns: ['blanket', 'throw', 'cushion cover', 'tea towel', 'table runner'] },
  { kind: 'lighting', prefix: 'LAMP', price: [2400, 34900], materials: ['Copper', 'Enamel', 'Walnut', 'Opal glass'], nouns: ['desk lamp', 'pendant lamp', 'floor lamp', 'lantern', 'candle holder'] },
  { kind: 'tableware', prefix: 'MUG', price: [900, 8900], materials: ['Stoneware', 'Ceramic', 'Enamel', 'Walnut'], nouns: ['mug', 'bowl set', 'dinner plate', 'teapot', 'serving board'] },
  { kind: 'apparel', prefix: 'SHRT', price: [1900, 24900], materials: ['Linen', 'Merino', 'Organic cotton', 'Waxed cotton'], nouns: ['shirt', 'scarf', 'beanie', 'apron', 'rain jacket'] },
  { kind: 'stationery', prefix: 'NTBK', price: [600, 5900], materials: ['Recycled', 'Leather-bound', 'Bamboo', 'Dot-grid'], nouns: ['notebook', 'pen set', 'desk organiser', 'planner', 'sketchbook'] },
  { kind: 'storage', prefix: 'STOR', price: [1200, 9900], materials: ['Seagrass', 'Bamboo', 'Oak', 'Recycled felt'], nouns: ['basket', 'crate', 'shelf box', 'jar set', 'drawer insert'] }
] as const
const AREAS = ['home', 'kitchen', 'outdoor', 'office', 'travel', 'studio'] as const
const COLOURS = [
  ['Natural', 'NAT'],
  ['Black', 'BLK'],
  ['Ochre', 'OCH'],
  ['Sage', 'SGE'],
  ['Navy', 'NVY'],
  ['Rust', 'RST']
] as const
const ORIGINS = ['Porto', 'Lyon', 'Kraków', 'Osaka', 'Pune', 'Tallinn', 'Bogotá', 'Accra']
const CLIENTS = ['backoffice', 'warehouse', 'pricing-bot']

const SHOP_OPENED = Date.UTC(2025, 2, 1)
const DAY = 86_400_000

interface SeedProduct {
  sku: string
  name: string
  description: string
  category: string
  priceCents: number
  stock: number
  active: boolean
  createdBy: string
  updatedBy: string
  createdAt: Date
  updatedAt: Date
}

/** Prices end in 00, 50 or 90 cents, as a merchandiser sets them. */
function shelfPrice(min: number, max: number): number {
  return Math.floor(random.int(min, max) / 100) * 100 + random.pick([0, 50, 90])
}

function products(): SeedProduct[] {
  const seen = new Set<string>()
  const result: SeedProduct[] = []
  while (result.length < PRODUCT_COUNT) {
    const range = random.pick(RANGES)
    const [colour, colourCode] = random.pick(COLOURS)
    const sku = `${range.prefix}-${random.int(1000, 9999)}-${colourCode}`
    if (seen.has(sku)) continue
    seen.add(sku)
    const createdAt = new Date(SHOP_OPENED + random.int(0, 540) * DAY + random.int(8, 18) * 3_600_000)
    const soldOut = random.chance(0.12)
    result.push({
      sku,
      name: `${random.pick(range.materials)} ${random.pick(range.nouns)}, ${colour.toLowerCase()}`,
      description: random.chance(0.85) ? `Made in ${random.pick(ORIGINS)}. ${random.int(2, 6)} colours available.` : '',
      category: `${random.pick(AREAS)}-${range.kind}`,
      priceCents: random.chance(0.02) ? 0 : shelfPrice(range.price[0], range.price[1]),
      stock: soldOut ? 0 : random.chance(0.15) ? random.int(1, 5) : random.int(6, 400),
      active: !random.chance(0.08),
      createdBy: 'backoffice',
      updatedBy: random.pick(CLIENTS),
      createdAt,
      updatedAt: new Date(createdAt.getTime() + random.int(0, 120) * DAY)
    })
  }
  return result
}

interface Movement {
  quantity: number
  reason: StockMovementReason
  reference: string | null
  recordedBy: string
  at: Date
}

/** A history that ends at the product's stock: opening delivery, then sales, returns and restocks. */
function stockHistory(product: SeedProduct): Movement[] {
  const sales = Array.from({ length: random.int(0, 6) }, () => random.int(1, 12))
  // A return puts back a unit sold earlier, so only a product with stock left can end on one.
  const returns = sales.length > 0 && product.stock > 0 && random.chance(0.2) ? 1 : 0
  const opening = product.stock + sales.reduce((sum, sold) => sum + sold, 0) - returns
  const start = product.createdAt.getTime()
  const at = (index: number) => new Date(start + (index + 1) * random.int(1, 9) * DAY)
  return [
    { quantity: opening, reason: 'received' as const, reference: 'opening stock', recordedBy: product.createdBy, at: product.createdAt },
    ...sales.map((sold, index) => ({ quantity: -sold, reason: 'sold' as const, reference: `ORD-${random.int(100000, 999999)}`, recordedBy: 'warehouse', at: at(index) })),
    ...(returns ? [{ quantity: 1, reason: 'returned' as const, reference: `RMA-${random.int(1000, 9999)}`, recordedBy: 'warehouse', at: at(sales.length) }] : [])
  ].filter((movement) => movement.quantity !== 0)
}

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })

try {
  if ((await prisma.product.count()) > 0) {
    console.log('products already present; nothing seeded')
  } else {
    const catalogue = products()
    await prisma.$transaction(async (tx) => {
      const created = await tx.product.createManyAndReturn({ data: catalogue, select: { id: true, sku: true } })
      const idOf = new Map(created.map((product) => [product.sku, product.id]))
      const movements = catalogue.flatMap((product) => {
        let stockAfter = 0
        return stockHistory(product).map((movement) => {
          stockAfter += movement.quantity
          return {
            productId: idOf.get(product.sku)!,
            quantity: movement.quantity,
            reason: movement.reason,
            stockAfter,
            reference: movement.reference,
            recordedBy: movement.recordedBy,
            recordedAt: movement.at
          }
        })
      })
      await tx.stockMovement.createMany({ data: movements })
      const repriced = catalogue.filter((product) => product.priceCents > 0 && random.chance(0.3))
      await tx.priceChange.createMany({
        data: repriced.map((product) => ({
          productId: idOf.get(product.sku)!,
          oldPriceCents: product.priceCents + random.pick([500, 1000, 1500]),
          newPriceCents: product.priceCents,
          changedBy: 'pricing-bot',
          changedAt: product.updatedAt
        }))
      })
      console.log(`seeded ${created.length} products, ${movements.length} stock movements, ${repriced.length} price changes`)
    }, { timeout: 60_000 })
  }
} finally {
  await prisma.$disconnect()
}
