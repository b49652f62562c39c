import { Type, type Static } from 'typebox'

export const AccountSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String({ format: 'email' }),
  displayName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' })
})

export const AccountParamsSchema = Type.Object({
  id: Type.String({ format: 'uuid' })
})

const Email = Type.String({ format: 'email', maxLength: 254 })
const DisplayName = Type.String({ minLength: 1, maxLength: 80 })

export const CreateAccountSchema = Type.Object({
  email: Email,
  displayName: DisplayName
})

export const UpdateAccountSchema = Type.Object(
  {
    email: Type.Optional(Email),
    displayName: Type.Optional(DisplayName)
  },
  { minProperties: 1 }
)

export const ListAccountsQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ format: 'uuid' }))
})

export const AccountPageSchema = Type.Object({
  accounts: Type.Array(AccountSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()])
})

export type AccountResponse = Static<typeof AccountSchema>
