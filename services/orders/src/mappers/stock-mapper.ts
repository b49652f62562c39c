import type { StockLevel } from '../generated/prisma/client.js'
import type { StockLevelResponse } from '../schemas/stock.js'

export function toStockLevelResponse({ sku, available }: StockLevel): StockLevelResponse {
  return { sku, available }
}
