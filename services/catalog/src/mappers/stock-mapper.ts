import type { StockMovement } from '../repositories/stock-movements-repository.js'
import type { StockMovementResponse } from '../schemas/stock.js'

export function toStockMovementResponse(movement: StockMovement): StockMovementResponse {
  return {
    quantity: movement.quantity,
    reason: movement.reason,
    stockAfter: movement.stockAfter,
    reference: movement.reference,
    recordedBy: movement.recordedBy,
    recordedAt: movement.recordedAt.toISOString()
  }
}
