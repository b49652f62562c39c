import { Type, type Static } from 'typebox'
import { STOCK_MOVEMENT_REASONS } from '../domain/stock.js'
import { pageOf } from './pagination.js'
import { ProductSchema, Stock } from './products.js'

const Reason = Type.Enum(STOCK_MOVEMENT_REASONS)

export const StockAdjustmentSchema = Type.Object({
  /** Signed: positive for goods in (received, returned), negative for goods out (sold, damaged). */
  quantity: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, not: { const: 0 } }),
  reason: Reason,
  /** The purchase order, order number or ticket behind the movement. */
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 80 }))
})

export const StockMovementSchema = Type.Object({
  quantity: Type.Integer(),
  reason: Reason,
  stockAfter: Stock,
  reference: Type.Union([Type.String(), Type.Null()]),
  recordedBy: Type.String(),
  recordedAt: Type.String({ format: 'date-time' })
})

export const AdjustedStockSchema = Type.Object({ product: ProductSchema, movement: StockMovementSchema })

export const StockMovementPageSchema = pageOf(StockMovementSchema)

export type StockMovementResponse = Static<typeof StockMovementSchema>
