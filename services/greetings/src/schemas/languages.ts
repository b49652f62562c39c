import { Type, type Static } from 'typebox'

/** A language tag such as `en`, `fr` or `pt-BR`. */
export const LanguageCode = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })
const Template = Type.String({ minLength: 1, maxLength: 200, pattern: '\\{name\\}' })

export const LanguageSchema = Type.Object({
  code: LanguageCode,
  formal: Template,
  casual: Template,
  updatedAt: Type.String({ format: 'date-time' })
})

export const LanguageParamsSchema = Type.Object({ code: LanguageCode })

export const SaveLanguageSchema = Type.Object({ formal: Template, casual: Template })

export const LanguageListSchema = Type.Array(LanguageSchema)

export type LanguageResponse = Static<typeof LanguageSchema>
