import { Type, type Static, type TSchema } from 'typebox'

const Uuid = Type.String({ format: 'uuid' })
const Email = Type.String({ format: 'email', maxLength: 254 })
const DisplayName = Type.String({ minLength: 1, maxLength: 80 })
/** A language tag such as `pt-BR`; the service checks it further and stores it canonically. */
const Locale = Type.String({ minLength: 2, maxLength: 35, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })
/** An IANA name such as `America/Bogota`; the service checks it is one it knows. */
const TimeZone = Type.String({ minLength: 1, maxLength: 64 })
/** As typed; the service keeps it in E.164 and refuses numbers without a country code. */
const Phone = Type.String({ minLength: 1, maxLength: 32 })
const Status = Type.Union([Type.Literal('active'), Type.Literal('suspended')])
const Timestamp = Type.String({ format: 'date-time' })
const Nullable = <Schema extends TSchema>(schema: Schema) => Type.Union([schema, Type.Null()])

export const AccountSchema = Type.Object({
  id: Uuid,
  email: Email,
  displayName: Type.String(),
  locale: Type.String(),
  timeZone: Type.String(),
  marketingOptIn: Type.Boolean(),
  phone: Nullable(Type.String()),
  /** The account whose invitation this one signed up through. */
  referredBy: Nullable(Uuid),
  status: Status,
  suspendedAt: Nullable(Timestamp),
  suspensionReason: Nullable(Type.String()),
  /** The API client that created the account, and the one that changed it last. */
  createdBy: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp
})

export const AccountParamsSchema = Type.Object({ id: Uuid })

export const CreateAccountSchema = Type.Object({
  email: Email,
  displayName: DisplayName,
  locale: Type.Optional(Locale),
  timeZone: Type.Optional(TimeZone),
  marketingOptIn: Type.Optional(Type.Boolean()),
  phone: Type.Optional(Phone),
  /** The id of the account whose invitation link was followed. */
  referredBy: Type.Optional(Uuid)
})

export const UpdateAccountSchema = Type.Object(
  {
    email: Type.Optional(Email),
    displayName: Type.Optional(DisplayName),
    locale: Type.Optional(Locale),
    timeZone: Type.Optional(TimeZone),
    marketingOptIn: Type.Optional(Type.Boolean()),
    /** `null` removes the phone number. */
    phone: Type.Optional(Nullable(Phone))
  },
  { minProperties: 1 }
)

export const ListAccountsQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  /** `nextCursor` of the previous page, as given. */
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  status: Type.Optional(Status),
  /** Part of the e-mail or the display name. */
  q: Type.Optional(Type.String({ minLength: 2, maxLength: 100 }))
})

export const AccountPageSchema = Type.Object({
  accounts: Type.Array(AccountSchema),
  nextCursor: Nullable(Type.String())
})

export const ExportAccountsQuerySchema = Type.Object({
  /** Accounts created at or after this moment... */
  from: Timestamp,
  /** ...and before this one. */
  to: Timestamp,
  status: Type.Optional(Status),
  /** Only the accounts that signed up through this account's invitation. */
  referredBy: Type.Optional(Uuid)
})

export const LookupAccountQuerySchema = Type.Object({ email: Email })

export const SuspendAccountSchema = Type.Object({
  /** Why, for the next support agent; it is kept in the account's history. */
  reason: Type.String({ minLength: 3, maxLength: 500 })
})

export type AccountResponse = Static<typeof AccountSchema>
