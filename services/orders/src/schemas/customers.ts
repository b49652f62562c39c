import { Type, type Static } from 'typebox'
import { CustomerIdSchema, DateTimeSchema } from './common.js'

export const CustomerParamsSchema = Type.Object({ customerId: CustomerIdSchema })

const Count = Type.Integer({ minimum: 0 })

export const CustomerSummarySchema = Type.Object({
  customerId: CustomerIdSchema,
  orders: Count,
  byStatus: Type.Object({ pending: Count, paid: Count, shipped: Count, cancelled: Count }),
  spentCents: Count,
  lastOrderAt: Type.Union([DateTimeSchema, Type.Null()])
})

export type CustomerSummaryResponse = Static<typeof CustomerSummarySchema>
