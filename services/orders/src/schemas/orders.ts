import { Type, type Static } from 'typebox'

const Status = Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('shipped'), Type.Literal('cancelled')])
const CustomerId = Type.String({ pattern: '^cus_[A-Za-z0-9]{4,32}$' })

const LineSchema = Type.Object({
  sku: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,31}$' }),
  quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
  unitPriceCents: Type.Integer({ minimum: 0, maximum: 10_000_000 })
})

export const OrderSchema = Type.Object({
  id: Type.Integer(),
  customerId: CustomerId,
  status: Status,
  totalCents: Type.Integer(),
  lines: Type.Array(LineSchema),
  createdAt: Type.String({ format: 'date-time' })
})

export const OrderParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) })

export const CreateOrderSchema = Type.Object({
  customerId: CustomerId,
  lines: Type.Array(LineSchema, { minItems: 1, maxItems: 100 })
})

export const ChangeStatusSchema = Type.Object({ status: Status })

export const ListOrdersQuerySchema = Type.Object({
  status: Type.Optional(Status),
  customerId: Type.Optional(CustomerId),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  before: Type.Optional(Type.Integer({ minimum: 1 }))
})

export const OrderListSchema = Type.Object({
  orders: Type.Array(OrderSchema),
  next: Type.Union([Type.Integer(), Type.Null()])
})

export type OrderResponse = Static<typeof OrderSchema>
