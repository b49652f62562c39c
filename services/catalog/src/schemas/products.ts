import { Type, type Static } from 'typebox'

const Sku = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,31}$' })
const Name = Type.String({ minLength: 1, maxLength: 120 })
const Description = Type.String({ maxLength: 2000 })
const Category = Type.String({ pattern: '^[a-z0-9-]{1,40}$' })
const PriceCents = Type.Integer({ minimum: 0, maximum: 10_000_000 })
const Stock = Type.Integer({ minimum: 0, maximum: 1_000_000 })

export const ProductSchema = Type.Object({
  sku: Sku,
  name: Name,
  description: Description,
  category: Category,
  priceCents: PriceCents,
  stock: Stock,
  active: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' })
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
  inStock: Type.Optional(Type.Boolean()),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  after: Type.Optional(Sku)
})

export const ProductListSchema = Type.Object({
  products: Type.Array(ProductSchema),
  next: Type.Union([Type.String(), Type.Null()])
})

export const CategoryListSchema = Type.Array(Type.Object({ category: Category, productCount: Type.Integer() }))

export type ProductResponse = Static<typeof ProductSchema>
