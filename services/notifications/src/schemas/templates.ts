import { Type, type Static } from 'typebox'
import { ChannelSchema, Instant, LocaleSchema, Nullable, TemplateKeySchema } from './common.js'

export const TemplateSchema = Type.Object({
  key: TemplateKeySchema,
  locale: LocaleSchema,
  channel: ChannelSchema,
  subject: Nullable(Type.String()),
  body: Type.String(),
  placeholders: Type.Array(Type.String()),
  updatedAt: Instant,
  updatedBy: Nullable(Type.String())
})

export const TemplateListSchema = Type.Array(TemplateSchema)

export const TemplateParamsSchema = Type.Object({ key: TemplateKeySchema, locale: LocaleSchema, channel: ChannelSchema })

export const TemplateQuerySchema = Type.Object({ key: Type.Optional(TemplateKeySchema), locale: Type.Optional(LocaleSchema) })

export const PutTemplateSchema = Type.Object({
  subject: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  body: Type.String({ minLength: 1, maxLength: 10_000 })
})

export type TemplateResponse = Static<typeof TemplateSchema>
