import { Type } from 'typebox'

export const ErrorSchema = Type.Object({ message: Type.String() })

/** An accepted request whose effect follows later (202). */
export const AcceptedSchema = Type.Object({ message: Type.String() })
