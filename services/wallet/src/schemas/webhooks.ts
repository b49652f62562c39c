import { Type } from 'typebox'
import { CustomerId } from './wallets.js'

/** The payment provider's envelope. `id` names the event; the provider sends it again, unchanged, until it gets a 2xx. */
export const ProviderEventSchema = Type.Object({
  id: Type.String({ pattern: '^evt_[A-Za-z0-9]{6,64}$' }),
  type: Type.String({ minLength: 1, maxLength: 100 }),
  createdAt: Type.String({ format: 'date-time' }),
  data: Type.Object({
    paymentId: Type.String({ pattern: '^pay_[A-Za-z0-9]{6,64}$' }),
    customerId: CustomerId,
    amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    /** What the provider keeps of the payment, in its currency, written as a decimal ("0.87"); 0 when absent. */
    fee: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,9})([.][0-9]{1,2})?$' }))
  })
})

export const DeliveryResultSchema = Type.Object({
  received: Type.Literal(true),
  outcome: Type.Union([Type.Literal('recorded'), Type.Literal('requeued'), Type.Literal('duplicate'), Type.Literal('ignored')])
})
