import { Type, type Static } from 'typebox'
import { Cents, Instant, MeterCode, Nullable } from './common.js'

export const MeterSchema = Type.Object({
  code: MeterCode,
  name: Type.String(),
  unitPriceCents: Type.Integer(),
  updatedAt: Instant,
  updatedBy: Nullable(Type.String())
})

export const MeterListSchema = Type.Array(MeterSchema)
export const MeterParamsSchema = Type.Object({ code: MeterCode })

export const CreateMeterSchema = Type.Object({
  code: MeterCode,
  name: Type.String({ minLength: 1, maxLength: 120 }),
  unitPriceCents: Cents
})

export const UpdateMeterSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    unitPriceCents: Type.Optional(Cents)
  },
  { minProperties: 1 }
)

export type MeterResponse = Static<typeof MeterSchema>
