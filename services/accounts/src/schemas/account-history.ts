import { Type, type Static } from 'typebox'

export const HistoryEntrySchema = Type.Object({
  id: Type.String(),
  type: Type.String(),
  /** The API client that made the change. */
  actor: Type.String(),
  changedFields: Type.Array(Type.String()),
  reason: Type.Union([Type.String(), Type.Null()]),
  occurredAt: Type.String({ format: 'date-time' })
})

export const HistoryQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 }))
})

export const HistoryPageSchema = Type.Object({
  events: Type.Array(HistoryEntrySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()])
})

export type HistoryEntryResponse = Static<typeof HistoryEntrySchema>
