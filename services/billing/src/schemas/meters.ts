import { Type, type Static } from 'typebox'
import { Cents, Instant, MeterCode, Nullable, Units } from './common.js'

export const MeterSchema = Type.Object({
  code: MeterCode,
  name: Type.String(),
  unitPriceCents: Type.Integer(),
  /** Units each customer uses free of charge per period, unless its contract says otherwise. */
  includedUnits: Type.Integer(),
  updatedAt: Instant,
  updatedBy: Nullable(Type.String())
})

export const MeterListSchema = Type.Array(MeterSchema)
export const MeterParamsSchema = Type.Object({ code: MeterCode })

export const CreateMeterSchema = Type.Object({
  code: MeterCode,
  name: Type.String({ minLength: 1, maxLength: 120 }),
  unitPriceCents: Cents,
  includedUnits: Type.Optional(Units)
})

export const UpdateMeterSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    unitPriceCents: Type.Optional(Cents),
    includedUnits: Type.Optional(Units)
  },
  { minProperties: 1 }
)

export type MeterResponse = Static<typeof MeterSchema>
