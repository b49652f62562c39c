import { Type, type Static } from 'typebox'
import { HistoryPageQuerySchema, pageOf } from './pagination.js'
import { Sku } from './products.js'

const Status = Type.Enum(['pending', 'published', 'failed'])

export const OutboxQuerySchema = Type.Object({
  ...HistoryPageQuerySchema.properties,
  status: Type.Optional(Status),
  /** Only the events about this product. */
  sku: Type.Optional(Sku)
})

export const OutboxEventParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) })

export const OutboxEntrySchema = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  sku: Type.String(),
  status: Status,
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  failedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()])
})

export const OutboxPageSchema = pageOf(OutboxEntrySchema)

export type OutboxEntryResponse = Static<typeof OutboxEntrySchema>
