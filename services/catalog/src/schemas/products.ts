import { Type, type Static } from 'typebox'
import { pageOf } from './pagination.js'

export const Sku = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,31}$' })
const Name = Type.String({ minLength: 1, maxLength: 120 })
const Description = Type.String({ maxLength: 2000 })
export const Category = Type.String({ pattern: '^[a-z0-9-]{1,40}$' })
const PriceCents = Type.Integer({ minimum: 0, maximum: 10_000_000 })
export const Stock = Type.Integer({ minimum: 0, maximum: 1_000_000 })
const Actor = Type.Union([Type.String(), Type.Null()])

export const ProductSchema = Type.Object({
  sku: Sku,
  name: Name,
  description: Description,
  category: Category,
  priceCents: PriceCents,
  stock: Stock,
  /** What the storefront shows: in_stock, low_stock (a few left) or sold_out. */
  availability: Type.Enum(['in_stock', 'low_stock', 'sold_out']),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Actor
})

export const SkuParamsSchema = Type.Object({ sku: Sku })

export const CreateProductSchema = Type.Object({
  sku: Sku,
  name: Name,
  description: Type.Optional(Description),
  category: Category,
  priceCents: PriceCents,
  stock: Type.Optional(Stock)
})

export const UpdateProductSchema = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    category: Type.Optional(Category),
    priceCents: Type.Optional(PriceCents),
    stock: Type.Optional(Stock),
    active: Type.Optional(Type.Boolean())
  },
  { minProperties: 1 }
)

export const ListProductsQuerySchema = Type.Object({
  category: Type.Optional(Category),
  /** true: only products with stock; false or absent: sold-out products too. */
  inStock: Type.Optional(Type.Boolean()),
  /** `min..max` in cents, both included; either end may be left out (`500..`, `..2500`). */
  price: Type.Optional(Type.String({ maxLength: 20 })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  /** The `next` of the previous page: the last SKU it listed. */
  after: Type.Optional(Sku)
})

export const ProductListSchema = Type.Object({
  products: Type.Array(ProductSchema),
  /** The last SKU of a full page, to pass as `after`; null when the page was not full. */
  next: Type.Union([Type.String(), Type.Null()])
})

export const PriceChangeSchema = Type.Object({
  oldPriceCents: PriceCents,
  newPriceCents: PriceCents,
  changedBy: Type.String(),
  changedAt: Type.String({ format: 'date-time' })
})

export const PriceHistorySchema = pageOf(PriceChangeSchema)

export type ProductResponse = Static<typeof ProductSchema>
export type PriceChangeResponse = Static<typeof PriceChangeSchema>
