import { Type } from 'typebox'

export const ErrorSchema = Type.Object({ message: Type.String() })

/** What every authenticated route may answer besides its own responses. */
export const clientErrors = { 400: ErrorSchema, 401: ErrorSchema } as const

export const StatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('shipped'), Type.Literal('cancelled')])

/** Customer ids come from the payment provider: `cus_` and letters and digits. */
export const CustomerIdSchema = Type.String({ pattern: '^cus_[A-Za-z0-9]{4,32}$' })

export const IdParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })

export const DateTimeSchema = Type.String({ format: 'date-time' })
