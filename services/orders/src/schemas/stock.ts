import { Type, type Static } from 'typebox'

export const SkuParamsSchema = Type.Object({ sku: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,31}$' }) })

export const SetStockSchema = Type.Object({ available: Type.Integer({ minimum: 0, maximum: 1_000_000 }) })

export const StockLevelSchema = Type.Object({
  sku: Type.String(),
  available: Type.Integer({ minimum: 0 })
})

export type StockLevelResponse = Static<typeof StockLevelSchema>
