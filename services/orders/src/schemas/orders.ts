import { Type, type Static } from 'typebox'
import { MAX_ORDER_TOTAL_CENTS } from '../domain/order-total.js'
import { CustomerIdSchema, DateTimeSchema, IdParamsSchema, StatusSchema } from './common.js'

const LineSchema = Type.Object({
  sku: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,31}$' }),
  quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
  unitPriceCents: Type.Integer({ minimum: 0, maximum: 10_000_000 })
})

export const OrderSchema = Type.Object({
  id: Type.Integer(),
  customerId: CustomerIdSchema,
  status: StatusSchema,
  totalCents: Type.Integer({ minimum: 0, maximum: MAX_ORDER_TOTAL_CENTS }),
  lines: Type.Array(LineSchema),
  /** The API client that placed the order; null for orders from before clients were recorded. */
  placedBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema
})

export const CreateOrderSchema = Type.Object({
  customerId: CustomerIdSchema,
  lines: Type.Array(LineSchema, { minItems: 1, maxItems: 100 })
})

/** A retried POST with the same key answers the order the first one placed instead of a second one. */
export const CreateOrderHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.:-]{8,128}$' }))
})

export const ChangeStatusSchema = Type.Object({
  status: StatusSchema,
  /** Kept in the audit trail and sent with the webhook event. */
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 }))
})

export const BatchStatusChangeSchema = Type.Object({
  ids: Type.Array(IdParamsSchema.properties.id, { minItems: 1, maxItems: 100, uniqueItems: true }),
  status: StatusSchema,
  reason: ChangeStatusSchema.properties.reason
})

export const BatchStatusChangeResultSchema = Type.Object({
  /** The orders now in the requested status, in the order they were asked for. */
  changed: Type.Array(Type.Integer()),
  /** The orders left as they were, each with why. */
  failed: Type.Array(Type.Object({ id: Type.Integer(), message: Type.String() }))
})

export const ListOrdersQuerySchema = Type.Object({
  status: Type.Optional(StatusSchema),
  customerId: Type.Optional(CustomerIdSchema),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  /** The `next` of the previous page. */
  before: Type.Optional(Type.Integer({ minimum: 1 }))
})

export const OrderListSchema = Type.Object({
  orders: Type.Array(OrderSchema),
  next: Type.Union([Type.Integer(), Type.Null()])
})

export const StatusChangeSchema = Type.Object({
  from: Type.Union([StatusSchema, Type.Null()]),
  to: StatusSchema,
  changedBy: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  changedAt: DateTimeSchema
})

export const StatusChangeListSchema = Type.Object({ changes: Type.Array(StatusChangeSchema) })

export type OrderResponse = Static<typeof OrderSchema>
export type OrderListResponse = Static<typeof OrderListSchema>
export type StatusChangeResponse = Static<typeof StatusChangeSchema>
