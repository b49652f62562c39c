import { Type } from 'typebox'

export const ErrorSchema = Type.Object({ message: Type.String() })
