import { Type } from 'typebox'
import { CustomerIdSchema } from './common.js'

const CartItemSchema = Type.Object({
  sku: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,31}$' }),
  quantity: Type.Integer({ minimum: 1, maximum: 1000 })
})

/** A cart: what the customer wants; prices and stock come from catalog. */
export const CheckoutSchema = Type.Object({
  customerId: CustomerIdSchema,
  items: Type.Array(CartItemSchema, { minItems: 1, maxItems: 100 })
})

/** A retried checkout with the same key answers the order the first one placed. */
export const CheckoutHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.:-]{8,128}$' }))
})
