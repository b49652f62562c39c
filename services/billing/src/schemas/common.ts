import { Type, type TSchema } from 'typebox'

export const CustomerId = Type.String({ pattern: '^cus_[A-Za-z0-9]{4,32}$', description: 'e.g. cus_8fK2mQ91' })
export const MeterCode = Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$', description: 'e.g. api-requests' })
/** A calendar month in UTC, "2026-03". */
export const Period = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'a calendar month in UTC, YYYY-MM' })
export const Instant = Type.String({ format: 'date-time' })
export const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000 })
/** A number of units of a meter, such as an allowance. */
export const Units = Type.Integer({ minimum: 0, maximum: 1_000_000_000 })

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const CustomerParamsSchema = Type.Object({ customerId: CustomerId })

export const PageQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 }))
})

/** A page of items; `nextCursor` is null on the last page. */
export const page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) })
