import { Type, type Static } from 'typebox'
import { ChannelSchema, CurrencySchema, Instant, LocaleSchema, Nullable, TemplateKeySchema } from './common.js'

/** `{ name: value }`: text, or a whole number (cents for `|money`). */
export const VariablesSchema = Type.Record(Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]*$' }), Type.Union([Type.Integer(), Type.String({ maxLength: 2_000 })]))

export const SendNotificationSchema = Type.Object({
  template: TemplateKeySchema,
  channel: ChannelSchema,
  recipient: Type.String({ minLength: 3, maxLength: 254 }),
  locale: LocaleSchema,
  currency: Type.Optional(CurrencySchema),
  variables: Type.Record(Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]*$' }), Type.Union([Type.Integer(), Type.String({ maxLength: 2_000 })]), { default: {} })
})

export const DeliverySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  template: TemplateKeySchema,
  locale: LocaleSchema,
  channel: ChannelSchema,
  recipient: Type.String(),
  subject: Nullable(Type.String()),
  body: Type.String(),
  units: Type.Integer(),
  unitPriceCents: Type.Integer(),
  costCents: Type.Integer(),
  requestId: Nullable(Type.String()),
  sentAt: Instant
})

export const DeliveryParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

export type DeliveryResponse = Static<typeof DeliverySchema>
