import { Type, type TSchema } from 'typebox'

export const ChannelSchema = Type.Union([Type.Literal('email'), Type.Literal('sms')])
export const TemplateKeySchema = Type.String({ pattern: '^[a-z][a-z0-9-]{1,63}$', description: 'e.g. order-shipped' })
export const LocaleSchema = Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$', description: 'a language, optionally with a region: de, de-AT' })
export const CurrencySchema = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. EUR' })
export const IsoDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'YYYY-MM-DD' })
export const Instant = Type.String({ format: 'date-time' })

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
