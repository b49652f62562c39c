import { Type } from 'typebox'
import { LanguageCode } from './languages.js'

export const GreetingParamsSchema = Type.Object({ code: LanguageCode })

export const GreetingQuerySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  formal: Type.Boolean({ default: false })
})

export const GreetingSchema = Type.Object({
  language: LanguageCode,
  text: Type.String()
})
