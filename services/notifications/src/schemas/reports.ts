import { Type } from 'typebox'
import { ChannelSchema, IsoDate } from './common.js'

export const ReportQuerySchema = Type.Object({ from: IsoDate, to: IsoDate, channel: Type.Optional(ChannelSchema) })

export const SummarySchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  channels: Type.Array(Type.Object({ channel: ChannelSchema, deliveries: Type.Integer(), units: Type.Integer(), costCents: Type.Integer() }))
})
