import { Type } from 'typebox'
import { Category } from './products.js'

export const CategoryListSchema = Type.Array(Type.Object({ category: Category, productCount: Type.Integer({ minimum: 1 }) }))
