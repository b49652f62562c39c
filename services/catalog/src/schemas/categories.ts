import { Type } from 'typebox'
import { CATEGORY_ORDERS } from '../domain/categories.js'
import { Category } from './products.js'

const CategorySummarySchema = Type.Object({ category: Category, productCount: Type.Integer({ minimum: 1 }) })

export const CategoryListSchema = Type.Array(CategorySummarySchema)

export const CategoryListQuerySchema = Type.Object({
  /** `name`: A to Z (the default); `products`: the most active products first. */
  sort: Type.Union(CATEGORY_ORDERS.map((order) => Type.Literal(order)), { default: 'name' })
})

export const CategoryParamsSchema = Type.Object({ category: Category })

export const CategoryPageSchema = Type.Object({
  category: Category,
  productCount: Type.Integer({ minimum: 1 }),
  previous: Type.Union([Category, Type.Null()]),
  next: Type.Union([Category, Type.Null()])
})
