import { Type, type Static } from 'typebox'

/**
 * The body of a webhook delivery. Shared by the client that sends it and by anything that
 * receives it (our tests' partner server), so a renamed field fails to compile on both sides.
 */
export const AccountSnapshotSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String({ format: 'email' }),
  displayName: Type.String(),
  locale: Type.String(),
  timeZone: Type.String(),
  marketingOptIn: Type.Boolean(),
  phone: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended')])
})

export const AccountEventDeliverySchema = Type.Object({
  /** Stable across redeliveries: receivers de-duplicate on it (it is also the Idempotency-Key). */
  id: Type.String(),
  type: Type.Union([
    Type.Literal('account.created'),
    Type.Literal('account.updated'),
    Type.Literal('account.suspended'),
    Type.Literal('account.reactivated'),
    Type.Literal('account.deleted')
  ]),
  occurredAt: Type.String({ format: 'date-time' }),
  data: Type.Object({
    /** The whole account, or only its id once it is deleted. */
    account: Type.Union([AccountSnapshotSchema, Type.Object({ id: Type.String({ format: 'uuid' }) })]),
    changedFields: Type.Optional(Type.Array(Type.String()))
  })
})

export type AccountEventDelivery = Static<typeof AccountEventDeliverySchema>
