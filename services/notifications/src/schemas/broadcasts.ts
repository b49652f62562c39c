import { Type, type Static } from 'typebox'
import { ChannelSchema, CurrencySchema, Instant, LocaleSchema, Nullable, TemplateKeySchema } from './common.js'
import { VariablesSchema } from './notifications.js'

export const MAX_RECIPIENTS = 500

export const SendBroadcastSchema = Type.Object({
  template: TemplateKeySchema,
  channel: ChannelSchema,
  currency: Type.Optional(CurrencySchema),
  variables: Type.Optional(VariablesSchema),
  recipients: Type.Array(
    Type.Object({
      recipient: Type.String({ minLength: 3, maxLength: 254 }),
      locale: LocaleSchema,
      variables: Type.Optional(VariablesSchema)
    }),
    { minItems: 1, maxItems: MAX_RECIPIENTS }
  )
})

export const MessageStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')])

export const BroadcastSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  template: TemplateKeySchema,
  channel: ChannelSchema,
  currency: CurrencySchema,
  requestId: Nullable(Type.String()),
  createdAt: Instant,
  counts: Type.Object({ pending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() }),
  messages: Type.Array(
    Type.Object({
      position: Type.Integer(),
      recipient: Type.String(),
      locale: LocaleSchema,
      status: MessageStatusSchema,
      reason: Nullable(Type.String()),
      deliveryId: Nullable(Type.String({ format: 'uuid' }))
    })
  )
})

export const BroadcastParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

export type BroadcastResponse = Static<typeof BroadcastSchema>
